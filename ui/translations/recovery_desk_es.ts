<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <location filename="../coaching_words.py" line="37"/>
        <source>they asked for this coach by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="38"/>
        <source>a %1, as they asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="39"/>
        <source>speaks %1, as they asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="40"/>
        <source>shares their pathway (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="41"/>
        <source>speaks their language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="42"/>
        <source>knows %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="43"/>
        <source>plenty of room (%1 of %2 places free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="44"/>
        <source>on duty now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="45"/>
        <source>has worked with them before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="46"/>
        <source>caseload full (%1 of %2): only with an override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="47"/>
        <source>not a %1, which they asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="48"/>
        <source>does not speak %1, which they asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="49"/>
        <source>does not speak their language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="50"/>
        <source>not on duty now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="51"/>
        <source>their coach now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="68"/>
        <source>no particular match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="77"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="78"/>
        <location filename="../pages/resources/detail_html.py" line="90"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="79"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="85"/>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="86"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="87"/>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="88"/>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="89"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="90"/>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="96"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="97"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="98"/>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="99"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="100"/>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="34"/>
        <source>less than an hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="36"/>
        <source>%1 hours ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="37"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="74"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="76"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="81"/>
        <source>Call for hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="89"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="94"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="98"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="99"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="99"/>
        <source>No: call first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="100"/>
        <source>Walk-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="104"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="106"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="108"/>
        <source>Who it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="109"/>
        <source>How to get in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="112"/>
        <source>Free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="114"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="115"/>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="117"/>
        <source>Bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="119"/>
        <source>places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="121"/>
        <source>%1 of %2 %3 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="130"/>
        <source>counted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="133"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="136"/>
        <source>Never verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="139"/>
        <source>%1 by %2 (%3 days ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="141"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="145"/>
        <source>check before referring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="149"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="151"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../staff/account_dialog.py" line="37"/>
        <source>My account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="40"/>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="41"/>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="42"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="43"/>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="44"/>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="47"/>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="48"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="49"/>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="52"/>
        <source>A PIN for your lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="55"/>
        <source>4 to 8 digits that unlock your own locked screen, quicker than your password. A PIN never signs anyone in. Leave it empty to remove yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="61"/>
        <source>Your password, for the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="62"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="64"/>
        <source>Save PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="68"/>
        <source>Your pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="69"/>
        <source>P&amp;IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="90"/>
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="101"/>
        <source>Your password is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="119"/>
        <source>Your PIN is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="119"/>
        <source>Your PIN is removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityFilters</name>
    <message>
        <location filename="../pages/activity/filters.py" line="45"/>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="46"/>
        <location filename="../pages/activity/filters.py" line="110"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="49"/>
        <source>Kind of activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="54"/>
        <source>name or record #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="55"/>
        <source>Person: a name or a record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="58"/>
        <source>&amp;Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="68"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="69"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="72"/>
        <source>Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="74"/>
        <source>What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="76"/>
        <source>Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="80"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../pages/activity/page.py" line="50"/>
        <location filename="../pages/activity/page.py" line="89"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="54"/>
        <source>Every record opened, change, sign-in, print and export, newest first. The log can only grow: nothing in it can be changed or deleted from the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="63"/>
        <source>Show older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="65"/>
        <source>Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="68"/>
        <source>Show older entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="69"/>
        <source>Export what is shown to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="132"/>
        <source>Nobody on file matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="148"/>
        <source>Export the activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="148"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="156"/>
        <source>Saved the activity log to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignCoachDialog</name>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="66"/>
        <source>Assign coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="79"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="93"/>
        <location filename="../pages/coaches/assign_dialog.py" line="96"/>
        <source>no preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="104"/>
        <source>What they asked for (all optional: their choice comes first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="106"/>
        <source>A coach by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="108"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="110"/>
        <source>Speaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="113"/>
        <source>Knows about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="133"/>
        <source>No coach has room right now. Put them on the waitlist (shown on the Coaches page), or assign over a coach&apos;s limit with the box below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="142"/>
        <source>needed to reassign; kept in their history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="143"/>
        <source>Why the change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="145"/>
        <source>Assign over the caseload limit (recorded in the activity log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="150"/>
        <source>optional note for the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="154"/>
        <source>Waitlist note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="157"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="159"/>
        <source>Put on the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="171"/>
        <source>Coaches, best match first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="215"/>
        <source>Reassign %1: now with %2 since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="221"/>
        <source>Assign a coach to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="240"/>
        <source>Their language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="241"/>
        <source>not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="243"/>
        <source>Their pathway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="244"/>
        <source>not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="249"/>
        <source>On the waitlist since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="255"/>
        <source>Asked for %1, who is not active now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="263"/>
        <source>no one in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="315"/>
        <source>There are no active coaches yet. Add them on the Coaches page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="83"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="83"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="83"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="83"/>
        <source>Why it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="92"/>
        <source>%1 (over the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="100"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="50"/>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="73"/>
        <source>Space ticks who is there; type to jump to a name. Those who did not sign in are a count, never names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="80"/>
        <source>&amp;Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="81"/>
        <source>Came without signing &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="92"/>
        <source>Signed in today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="98"/>
        <source>No meeting is held today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="177"/>
        <source>%1: %2 at the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/audit_table.py" line="20"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="21"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="22"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="23"/>
        <source>Whose record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="24"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="35"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="50"/>
        <source>Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="51"/>
        <source>Use the default folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="52"/>
        <source>Set passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="53"/>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="55"/>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="63"/>
        <source>Folder for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="67"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="69"/>
        <source>Folder (this station)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="76"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="112"/>
        <source>Not set. Backups outside the default folder are encrypted with it, so an admin sets it before choosing another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="117"/>
        <source>Set %1 by %2. Recovery Desk does not keep it: only you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="126"/>
        <source>A PostgreSQL database is restored with pg_restore (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="135"/>
        <source>PostgreSQL is backed up on the server with pg_dump; Back up now runs pg_dump here if it is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="138"/>
        <source>Not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="151"/>
        <source>%1 (the default, beside the database; not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="153"/>
        <source>%1 (encrypted with the center&apos;s backup passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="168"/>
        <source>Backups outside the default folder are encrypted: set the backup passphrase first (an admin does it), then choose the folder again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="181"/>
        <source>The backup passphrase is set. Keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="110"/>
        <source>Made (center time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="111"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="112"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="113"/>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="114"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="127"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="127"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../widgets/banner.py" line="15"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Barc10Dialog</name>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="48"/>
        <source>BARC-10 with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="56"/>
        <source>Brief Assessment of Recovery Capital. Read each statement; the peer answers from 1 (strongly disagree) to 6 (strongly agree). They may skip it entirely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="89"/>
        <source>optional note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="91"/>
        <source>Answered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="121"/>
        <source>Total: %1 of %2 (%3 of 10 answered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Barc10TableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="112"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="112"/>
        <source>Total (10–60)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="112"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="112"/>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasketTableModel</name>
    <message>
        <location filename="../models/basket_table.py" line="19"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="19"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="19"/>
        <source>Note for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="53"/>
        <source>Double-click to write a note for this service; it prints under it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuilderView</name>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="38"/>
        <source>Choose person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="40"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="47"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="48"/>
        <source>Spanish (Español)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="49"/>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="53"/>
        <source>Show their name on the sheet (needs their consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="57"/>
        <source>Off by default. A sheet that names the person tells each provider on it that they came to us: 42 CFR Part 2 needs their signed consent for each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="65"/>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="67"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="68"/>
        <source>Coach on the sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="85"/>
        <source>Add from Resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="87"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="89"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="91"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="100"/>
        <source>Next steps, in their words: “Call Harbor Street at 8 am tomorrow.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="107"/>
        <source>Prepare consent form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="115"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="118"/>
        <source>Print to default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="120"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="122"/>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="145"/>
        <source>Services, in the order they print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="150"/>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../pages/people/card_dialog.py" line="50"/>
        <source>Sign-in card: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="54"/>
        <source>Print their first name on it (ask them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="58"/>
        <source>The card holds a random code, never a name or record number. Scanned at the desk or the door, it signs them in at once. Printing a new card stops the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="65"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="67"/>
        <source>Print to default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="69"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="71"/>
        <source>Card lost: stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="73"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="122"/>
        <source>They have no card that works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="125"/>
        <source>last scanned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="129"/>
        <source>not scanned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="132"/>
        <source>Their card was printed %1 by %2; %3. A new one stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="186"/>
        <source>The card was sent to %1; it works from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="194"/>
        <source>Stop their card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="195"/>
        <source>Stop their card? Once stopped it signs no one in; print a new one for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="206"/>
        <source>Their card is stopped: a scan of it signs no one in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="208"/>
        <source>They had no card that works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardScans</name>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="69"/>
        <source>Reading the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="82"/>
        <source>Nobody was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="94"/>
        <source>: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="96"/>
        <source>Card: signed in %1 at %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadChart</name>
    <message>
        <location filename="../widgets/caseload_chart.py" line="38"/>
        <source>Caseload chart: active peers against each coach&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="55"/>
        <source>%1: %2 active peers of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="58"/>
        <source> (over the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="60"/>
        <source> (inactive: reassign their peers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="87"/>
        <source>No coaches yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadTableModel</name>
    <message>
        <location filename="../models/caseload_table.py" line="24"/>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="25"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="26"/>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="27"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="28"/>
        <source>Coached since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="29"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="30"/>
        <source>Open goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="31"/>
        <source>BARC-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="49"/>
        <source>Overdue by 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="51"/>
        <source>Overdue by %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="54"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="55"/>
        <source>No contact yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="56"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="57"/>
        <source>None planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="84"/>
        <source>Assigned over the coach&apos;s limit (an override, in the activity log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../pages/center_settings/controller.py" line="89"/>
        <source>Save the center&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="90"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="95"/>
        <source>Center settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="142"/>
        <source>Your unsaved changes from before are back, but another station has saved settings since: check them before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="147"/>
        <source>Unsaved changes from before were restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="161"/>
        <source>Nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="181"/>
        <source>Saved at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="184"/>
        <source>Saved at %1. The center&apos;s details on every sheet and handout, on every station, are these from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="197"/>
        <source>Not saved: your entries are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CenterSettingsView</name>
    <message>
        <location filename="../pages/center_settings/view.py" line="28"/>
        <source>Center settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="32"/>
        <source>These details head every referral sheet and handout. Changes are saved for every station and recorded in the activity log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="39"/>
        <source>The center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="59"/>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="66"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="70"/>
        <source>Staff sign-in and locking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="73"/>
        <location filename="../pages/center_settings/view.py" line="75"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="74"/>
        <source> in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="76"/>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="86"/>
        <source>Backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="97"/>
        <source>The newest backup of each of the last days that have one, and of each of the last months; every backup of the current day is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="105"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="107"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="26"/>
        <source>Keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="27"/>
        <source>Keys on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="31"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="31"/>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoosePasswordScreen</name>
    <message>
        <location filename="../staff/screens.py" line="312"/>
        <source>Choose your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="312"/>
        <source>Save and go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="316"/>
        <source>An admin gave you this password. Choose one only you know: at least as long as the center asks, not a common one, not your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="322"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="323"/>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="324"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="325"/>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="343"/>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachChoice</name>
    <message>
        <location filename="../pages/referrals/coach_choice.py" line="67"/>
        <source>(none: the center&apos;s phone is printed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachDialog</name>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="72"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="74"/>
        <source>Add a coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="81"/>
        <source>printed on handouts, e.g. 774 555 0151</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="89"/>
        <source>optional: the road they walked, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="106"/>
        <source>e.g. Mon-Fri 9:00-17:00; Sat 10:00-14:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="110"/>
        <source>Active: takes on peers and is suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="115"/>
        <source>Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="116"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="117"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="118"/>
        <source>Recovery pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="119"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="120"/>
        <source>Specialties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="121"/>
        <source>Caseload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="122"/>
        <source>Weekly hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="156"/>
        <source>Read as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="158"/>
        <source>No hours: never shown as on duty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachPicker</name>
    <message>
        <location filename="../pages/front_desk/coach_picker.py" line="34"/>
        <source>Start with a coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/coach_picker.py" line="58"/>
        <source>Who will %1 start with? The best match first; Enter chooses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachesPage</name>
    <message>
        <location filename="../pages/coaches/controller.py" line="115"/>
        <source>Open the chosen peer&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="116"/>
        <source>Reassign the chosen peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="117"/>
        <source>The peer&apos;s goals, BARC-10 and contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="118"/>
        <source>Log a contact with the chosen peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="121"/>
        <source>Assign the waiting peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="124"/>
        <location filename="../pages/coaches/controller.py" line="328"/>
        <source>Remove from the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="125"/>
        <source>Specialty tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="126"/>
        <source>Edit the chosen coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="127"/>
        <source>Add a coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="128"/>
        <source>Privacy: full names or initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="136"/>
        <source>Coaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="163"/>
        <source>Waitlist (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="167"/>
        <source>On duty now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="169"/>
        <source>No coach is on duty now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="173"/>
        <source>For admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="209"/>
        <source>%1&apos;s peers: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="213"/>
        <source> · %1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="239"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="262"/>
        <location filename="../pages/coaches/controller.py" line="280"/>
        <location filename="../pages/coaches/controller.py" line="290"/>
        <source>Choose a peer in the caseload first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="273"/>
        <source>Contact with %1 logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="304"/>
        <source>Assigned to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="307"/>
        <source>Put on the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="317"/>
        <location filename="../pages/coaches/controller.py" line="324"/>
        <source>Choose someone on the waitlist first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="329"/>
        <source>Why does %1 leave the waitlist? (kept in the activity log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachesView</name>
    <message>
        <location filename="../pages/coaches/view.py" line="55"/>
        <source>Coaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="60"/>
        <source>Privacy: first name and last initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="76"/>
        <source>Add coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="77"/>
        <source>Edit coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="78"/>
        <source>Specialty tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="82"/>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="89"/>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="97"/>
        <source>Assign coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="98"/>
        <source>Remove from waitlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="102"/>
        <source>Caseloads: active peers / limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="108"/>
        <source>Choose a coach to see their peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="118"/>
        <source>Log contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="119"/>
        <source>Goals, BARC-10…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="121"/>
        <source>The peer&apos;s coaching: contacts, goals, BARC-10 trend, past coaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="123"/>
        <source>Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="124"/>
        <source>Open record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="80"/>
        <source>Import a list of resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="84"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="85"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="86"/>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="87"/>
        <source>City or town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="88"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="89"/>
        <source>ZIP code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="90"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="91"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="92"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="93"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="94"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="95"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="96"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="97"/>
        <source>Alert (printed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="98"/>
        <source>Notes (added to the description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="102"/>
        <source>%1: %2 rows. Check which column holds what (the first values of each are shown beside it), then Import. Nothing is saved until every row can be imported; what was repaired on the way in is listed below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="117"/>
        <source>(not in this list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="169"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="172"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="212"/>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="221"/>
        <source>Every column with something in it is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="226"/>
        <source>Keep “%1” in the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="249"/>
        <source>Ready: %1 new, %2 updated. %3 repairs, %4 notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="251"/>
        <source>Nothing can be imported yet: %5 problems to fix in the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="74"/>
        <source>Consent to share: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="83"/>
        <source>(another recipient: type below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="88"/>
        <source>This program only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="89"/>
        <source>Every program of its organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="100"/>
        <source>Valid through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="103"/>
        <source>Active to the end of that day, in the center&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="111"/>
        <source>or until: “I finish this program”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="114"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="115"/>
        <source>Spanish (Español)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="122"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="123"/>
        <source>Covers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="124"/>
        <source>Who may receive it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="125"/>
        <source>Who may share it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="126"/>
        <source>What information:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="127"/>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="128"/>
        <source>When it ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="129"/>
        <source>Form language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="136"/>
        <source>Save and print the form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="139"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="141"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="149"/>
        <source>42 CFR Part 2 §2.31: the printed form carries every element. The consent counts only once the signed form is back: then press “Signed form is back” on their record and enter the date written on it. Signing is the person&apos;s choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="237"/>
        <source>This recipient is not a program or organization in the directory, so this consent cannot let a referral sheet show their name; it is kept as a record of what they agreed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="244"/>
        <source>Consent #%1 saved; it counts once the signed form is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsTableModel</name>
    <message>
        <location filename="../models/consents_table.py" line="18"/>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="19"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="20"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="21"/>
        <source>Valid through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="24"/>
        <source>Awaiting signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="25"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="26"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="27"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="47"/>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="22"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="23"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="24"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="25"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="26"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="27"/>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="28"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataExchange</name>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="46"/>
        <source>Import an Open Referral (HSDS 3.0) package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="48"/>
        <source>HSDS package or JSON (datapackage.json *.zip *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="57"/>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="68"/>
        <source>Imported %1: %2 new and %3 updated resources. The report lists the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="74"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="74"/>
        <source>Everything was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="87"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="88"/>
        <source>Nothing was imported. Fix these rows in the file, then import again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="99"/>
        <source>Export the directory as Open Referral HSDS 3.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="101"/>
        <source>Tabular package (*.zip);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="116"/>
        <source>Exported %1 resources to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="130"/>
        <source>Import a list of resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="132"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <location filename="../../desk/messages/backup.py" line="9"/>
        <source>The backup {name} is damaged or incomplete (it may have been cut short when it was copied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="18"/>
        <source>Choose another backup. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="23"/>
        <source>The backup passphrase needs at least {min_passphrase_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="30"/>
        <source>Several ordinary words in a row make a good one: long is what counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="37"/>
        <source>{name} was encrypted by a newer Recovery Desk (format {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="44"/>
        <source>Restore it with the newer Recovery Desk. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="49"/>
        <source>That passphrase does not open the backup {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="54"/>
        <source>Check the passphrase. A backup made before the passphrase was last changed needs the passphrase of that time. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="63"/>
        <source>{name} is not an encrypted Recovery Desk backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="68"/>
        <source>Recovery Desk cannot write a backup in {folder}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="73"/>
        <source>Check the folder, or choose another in Center settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="78"/>
        <source>The backup folder {folder} cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="83"/>
        <source>If it is on a USB drive or a network share, plug it in or reconnect it; or choose another folder in Center settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="92"/>
        <source>The backup folder {folder} is read-only: Recovery Desk may not write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="99"/>
        <source>Unlock the drive (some USB drives and SD cards have a switch), fix the folder&apos;s permissions, or choose another folder in Center settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="108"/>
        <source>The disk holding the backup folder {folder} is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="113"/>
        <source>Make room on it (old files other than backups), use a bigger drive, or keep fewer backups in Center settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="122"/>
        <source>Backups outside the default folder are encrypted, and no backup passphrase is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="130"/>
        <source>An admin sets one in Center settings (Backups), or the first `recovery-desk backup --to FOLDER` sets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="139"/>
        <source>A database held only in memory cannot be backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="144"/>
        <source>pg_dump, PostgreSQL&apos;s backup program, is not on this station&apos;s PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="151"/>
        <source>pg_dump stopped with an error: {said}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="156"/>
        <source>pg_dump could not finish: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="161"/>
        <source>{name} is not a Recovery Desk backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="166"/>
        <source>Choose a file named like recovery-desk-2026-11-28-090215-daily.sqlite3. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="175"/>
        <source>The database {database_path} is open on another station or in another program, so it cannot be replaced now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="184"/>
        <source>Close Recovery Desk on every other station (and any program using the file), then restore again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="193"/>
        <source>{name} is damaged or incomplete (SQLite says: {problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="198"/>
        <source>{name} was made by a newer Recovery Desk (schema {schema}); this version cannot use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="206"/>
        <source>Install the newer Recovery Desk on this station, then restore. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="214"/>
        <source>{name} is a PostgreSQL backup (pg_dump); it cannot replace a SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="221"/>
        <source>Restore it into a PostgreSQL server with pg_restore. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="228"/>
        <source>{name} is encrypted: its passphrase is needed to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="233"/>
        <source>Type the backup passphrase, or set RECOVERY_DESK_BACKUP_PASSPHRASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="240"/>
        <source>{path} is a folder, not a backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="245"/>
        <source>The file {path} cannot be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="250"/>
        <source>Check the name, and that the drive holding it is plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="255"/>
        <source>The copy of the database did not pass SQLite&apos;s check ({verdict}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="262"/>
        <source>The database itself may be damaged: keep the older backups, and run `recovery-desk self-check`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="271"/>
        <source>Install the PostgreSQL client tools on this station (pg_dump), or back up on the database server: pg_dump --format=custom --file=recovery-desk.dump {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="279"/>
        <source>A pg_dump older than the server cannot dump it: install the server&apos;s version of the PostgreSQL client tools. {manual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="8"/>
        <source>The password is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="13"/>
        <source>The password has {password_count} characters; it needs at least {min_length}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="20"/>
        <source>A few unrelated words make a long password that is easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="27"/>
        <source>The password is longer than {max_password_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="32"/>
        <source>That password is one of the most common passwords, the first ones anybody tries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="40"/>
        <source>Choose another: a few unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="45"/>
        <source>The password cannot be your name or username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="50"/>
        <source>A PIN is {start} to {stop} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="55"/>
        <source>That PIN is too easy to guess (all one digit, or digits in a row).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="62"/>
        <source>That is not the center&apos;s backup passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="67"/>
        <source>Use the passphrase an admin set (Center settings, Backups), or leave RECOVERY_DESK_BACKUP_PASSPHRASE unset: backups need no passphrase once it is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="77"/>
        <source>The meeting of “{name}” on {day:%B} {day_2} was changed on another station since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="86"/>
        <source>The dates have been reloaded; check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="90"/>
        <source>There is no group #{group_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="94"/>
        <source>It may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="99"/>
        <source>“{name}” does not meet on {day:%A, %B} {day_2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="103"/>
        <source>The group needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="108"/>
        <source>The group ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="113"/>
        <source>A group ends on the day it starts; give an end time after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="120"/>
        <source>“{language}” is not a language we list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="125"/>
        <source>Give both the start and the end time, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="130"/>
        <source>Nothing is changed: give a new date, time or room, or cancel the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="137"/>
        <source>The facilitator is not an active staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="142"/>
        <source>A meeting can be moved at most {days} days from its date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="146"/>
        <source>It ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="151"/>
        <source>“{name}” already meets on {moved_to:%A, %B} {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="156"/>
        <source>Cancel this date instead, or choose another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="161"/>
        <source>{what} was changed on another station{who} since you opened it{state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="168"/>
        <location filename="../../desk/messages/core.py" line="67"/>
        <source>Another station saved this at the same moment, and its change came first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="175"/>
        <location filename="../../desk/messages/core.py" line="74"/>
        <source>Nothing of yours was saved. Look at the refreshed screen and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="182"/>
        <source>“{fmt}” is not a format this export can write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="185"/>
        <source>Use {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="189"/>
        <source>The range ends ({last:%Y-%m-%d}) before it starts ({first:%Y-%m-%d}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="196"/>
        <source>Choose a last day on or after the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="201"/>
        <source>A report covers at most ten years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="205"/>
        <source>Choose a shorter range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="210"/>
        <source>There is no list behind “{key}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="215"/>
        <source>Choose the first and last day of the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="220"/>
        <source>“{text}” is not a time zone name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="225"/>
        <source>Use a name such as America/New_York.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="229"/>
        <source>The center needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="234"/>
        <source>{label} must be between {minimum} and {maximum}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="239"/>
        <source>There is no setting called “{key}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="244"/>
        <source>“{label}” was changed on another station since you opened the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="251"/>
        <source>Your entries are still on screen. Press Reload: the settings come back as they are now, with your entries on top; check them, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="260"/>
        <location filename="../../desk/messages/directory.py" line="123"/>
        <source>{label} must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="265"/>
        <source>Give the staff member&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="269"/>
        <source>Give a username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="274"/>
        <source>A username has at most {max_login_length} characters; this one has {cleaned_count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="282"/>
        <source>A username uses only letters a-z, digits, dots, dashes and underscores, and starts with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="291"/>
        <source>For example rosa.delgado</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="296"/>
        <source>The username “{cleaned}” is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="301"/>
        <source>This database already has an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="306"/>
        <source>Sign in, and ask an admin to make your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="311"/>
        <source>That staff account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="316"/>
        <source>{display_name} is the only admin who can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="321"/>
        <source>Make another admin first, so that somebody can still manage accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="328"/>
        <source>The built-in accounts cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="333"/>
        <source>The built-in accounts have no password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="338"/>
        <source>Your current password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="341"/>
        <source>Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="345"/>
        <source>The new password is the same as the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="350"/>
        <source>That username and password do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="355"/>
        <source>Check the username and Caps Lock, then try again. An admin can reset a forgotten password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="364"/>
        <source>The account “{login}” is switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="369"/>
        <source>Ask an admin to switch it back on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="372"/>
        <source>The group “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="375"/>
        <source>The meeting of {day:%B} {day_2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="379"/>
        <source>{display_name}&apos;s account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="385"/>
        <source>Your entries are still on screen. Press Reload: the record comes back as it is now, with your entries on top; check them, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="391"/>
        <source> by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="392"/>
        <source> ({now})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="396"/>
        <source>Too many wrong passwords: this account is locked until {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="403"/>
        <source>Try again then, or ask an admin to reset the password. Another staff member can sign in meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="9"/>
        <source>Weekday {weekday} does not exist (0 is Monday, 6 is Sunday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="14"/>
        <source>{day_names} {starts_at}–{ends_at} ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="19"/>
        <source>Write the start first (9:00-17:00). A shift past midnight is two windows: one until 23:59, one from 0:00 the next day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="27"/>
        <source>{text} overlaps {text_2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="32"/>
        <source>Join the two into one window, or change the times so one ends before the next begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="40"/>
        <source>“{strip}” is not a weekly time the desk can read ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="45"/>
        <source>Write days and times, such as “Mon-Fri 9:00-17:00; Sat 10:00-14:00”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="52"/>
        <source>The BARC-10 has {items_count} statements; {scores_count} answers were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="59"/>
        <source>Statement {number} has no answer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="64"/>
        <source>Every statement needs an answer from 1 (strongly disagree) to 6 (strongly agree); the peer may also stop and record it another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="73"/>
        <source>Statement {number}: {score!r} is not an answer from 1 to 6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="78"/>
        <source>{first_name}&apos;s coaching was ended on another station a moment ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="85"/>
        <source>The window now shows that they have no coach. Choose again if still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="92"/>
        <source>{first_name} was just assigned to {coach_name} on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="99"/>
        <source>The window now shows their current coach. Reassign if a change is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="107"/>
        <source>That coach is no longer on the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="112"/>
        <source>{display_name} is not active on the roster, so cannot take on peers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="119"/>
        <source>Choose an active coach, or ask an admin to make them active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="126"/>
        <source>{display_name} is already {first_name}&apos;s coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="131"/>
        <source>{display_name} has {peers} of {limit} peers: the caseload is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="138"/>
        <source>Choose a coach with room, put {first_name} on the waitlist, or tick “Assign over the limit” (the override is recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="147"/>
        <source>That assignment is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="152"/>
        <source>This coaching was already ended on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="157"/>
        <source>The window now shows the current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="162"/>
        <source>{first_name} was just given a coach on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="167"/>
        <source>Close the window and look again before choosing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="172"/>
        <source>Give the day the peer answered (today or earlier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="177"/>
        <location filename="../../desk/messages/people.py" line="216"/>
        <location filename="../../desk/messages/referrals.py" line="65"/>
        <source>There is no person #{person_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="182"/>
        <source>This record was merged into person #{merged_into_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="187"/>
        <source>Assign a coach from that record instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="192"/>
        <source>“{unknown}” is not a specialty in the center&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="197"/>
        <source>The coach asked for is not on the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="202"/>
        <source>Set a caseload limit between 1 and {caseload_max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="207"/>
        <source>It is the most peers this coach works with at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="212"/>
        <source>“{text}” is not a language code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="217"/>
        <source>Use the two-letter code: en, es, pt, vi, pl, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="222"/>
        <source>“{code}” is not a specialty in the center&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="227"/>
        <source>Add it to the list first (Specialty tags…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="231"/>
        <source>The coach needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="236"/>
        <source>{display_name} still has {peers} active peer{value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="241"/>
        <source>Reassign them (Coaches page, their caseload) before making the coach inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="249"/>
        <source>This peer is in another coach&apos;s caseload, so their coaching notes are not yours to read or add to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="258"/>
        <source>Their coach can add it, or an admin can let you see every caseload&apos;s notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="265"/>
        <source>Give the date of the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="270"/>
        <source>The contact date {contact_on} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="275"/>
        <source>Log a contact once it happened; put a coming one in “Follow up on”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="282"/>
        <source>The contact date {contact_on} is too long ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="287"/>
        <source>Choose in person, phone or text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="292"/>
        <source>{minutes} minutes cannot be right (0 to {minutes_max}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="297"/>
        <source>{first_name} has no coach, so the contact has no one to belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="304"/>
        <source>Assign a coach first, or say which coach made the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="309"/>
        <source>Choose the coach who made the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="314"/>
        <source>The follow-up date is before the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="319"/>
        <source>Choose a day after the contact, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="324"/>
        <source>The follow-up date is more than a year after the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="328"/>
        <source>Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="333"/>
        <source>Write the goal in a few words, as the peer says it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="338"/>
        <source>For example: “Find a sober house in Worcester”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="343"/>
        <source>Choose the area of life the goal is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="348"/>
        <source>That goal is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="353"/>
        <source>The specialty needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="358"/>
        <source>“{name}” is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="363"/>
        <source>There is no specialty “{code}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="368"/>
        <source>Your entries are still on screen. Close and open the coach again to see the other change, then make yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="375"/>
        <source>“{label}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="379"/>
        <source>Your entry is still on screen. Reopen the list, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="384"/>
        <source>{first_name}&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="388"/>
        <source>What you chose is still on screen. Close and reopen the window, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="394"/>
        <source>The goal “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="397"/>
        <source>it is now {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="402"/>
        <source>The list has been refreshed; make your change again if still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="409"/>
        <source>Say briefly why the coach changes; it stays in their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="413"/>
        <source>Say briefly why the coaching ends; it stays in their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="9"/>
        <source>Your role ({role_words}) may not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="14"/>
        <source>Ask an admin to do it, or to change your role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="19"/>
        <source>{path} could not be written: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="24"/>
        <source>Nothing was changed. Check that the folder exists, can be written to, and that the disk has room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="33"/>
        <source>Recovery Desk works with SQLite or PostgreSQL, not “{get_backend_name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="40"/>
        <source>Use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user:password@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="48"/>
        <source>“{text}” is not a database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="53"/>
        <source>Recovery Desk cannot write to the folder {folder} ({value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="58"/>
        <source>Make the folder writable, or choose another database with --database or RECOVERY_DESK_DATABASE_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="81"/>
        <source>Another station has just done the same thing, so this was not saved twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="88"/>
        <source>Look at the refreshed screen: it is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="93"/>
        <source>The file{place} is not a Recovery Desk database (SQLite says: {reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="100"/>
        <source>Choose the right file with --database, or move this one aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="107"/>
        <source>The database{place} can only be read, not written: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="112"/>
        <source>Check the permissions of the database file and its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="117"/>
        <source>The database file{place} cannot be opened or created: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="124"/>
        <source>Check that its folder exists and can be written, or choose another with --database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="132"/>
        <source>The database{place} did not answer in time: another station may be holding what this needed, or the network is very slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="141"/>
        <source>Nothing was saved. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="146"/>
        <source>The disk that holds the database{place} is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="151"/>
        <source>Nothing was saved. Free some space on that disk (or ask whoever looks after this computer), then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="160"/>
        <source>The database{place} is busy: another station or program holds a lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="167"/>
        <source>Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="172"/>
        <source>The database{place} cannot be reached: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="177"/>
        <source>The database server{place} refused the password for this user ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="184"/>
        <source>The database server{place} asks for a password, and none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="191"/>
        <source>The database server{place} does not know this user ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="198"/>
        <source>Check the user name in the database address with whoever runs the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="205"/>
        <source>The database server{place} has no such database ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="210"/>
        <source>Check the database name at the end of the address, or create it (see Several stations in the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="219"/>
        <source>The database server{place} does not let this user in from here ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="226"/>
        <source>Whoever runs the server must allow this station (pg_hba.conf) or this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="233"/>
        <source>{description} was upgraded by a newer Recovery Desk (schema {current}); this version knows schemas up to {head}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="242"/>
        <source>Install the newer Recovery Desk on this station. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="249"/>
        <source>{description} holds tables but no Recovery Desk schema version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="256"/>
        <source>Point Recovery Desk at an empty database or one it created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="261"/>
        <source>{label} is {text_count:,} characters long; the most it can hold is {max_length:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="269"/>
        <source>Shorten it, or put the rest in the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="274"/>
        <source>“{text}” does not look like an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="279"/>
        <source>An email address looks like name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="284"/>
        <source>“{text}” is not a phone number we can dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="289"/>
        <location filename="../../desk/messages/directory.py" line="140"/>
        <source>Type ten digits for a US number, such as 508 555 0142, or +country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="296"/>
        <source>A birth year of {year} cannot be right: it must be between {earliest_birth_year} and {year_2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="305"/>
        <source>Leave it empty if the person would rather not say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="310"/>
        <source>The birth date {value:%B} {day}, {year} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="315"/>
        <source>Check the year, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="320"/>
        <source>The birth date {value} is before {earliest_birth_year}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="325"/>
        <source>“{strip}” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="330"/>
        <source>{label} looks like https://example.org/page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="335"/>
        <source>The extension “{extension}” is longer than {extension_max} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="342"/>
        <source>Check the extension, or put it in the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="347"/>
        <source>That did not finish: something went wrong that Recovery Desk did not expect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="354"/>
        <source>Nothing was saved by it. Try again; the details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="361"/>
        <source>What was done is kept on this station, and is recorded as soon as the database is back (also if Recovery Desk is closed meanwhile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="370"/>
        <source>The account of {display_name} is switched off, so nothing was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="377"/>
        <source>What you typed is still on screen. Ask an admin, or let a colleague sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="9"/>
        <source>That resource is no longer in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="14"/>
        <source>It may have been removed on another station; search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="19"/>
        <source>The extension “{extension}” should be digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="24"/>
        <source>A resource needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="28"/>
        <source>“{status}” is not a status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="32"/>
        <source>Choose one of: {statuses}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="37"/>
        <source>{available} free out of {total} cannot be right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="42"/>
        <source>Check the free and total counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="47"/>
        <source>There is no category “{code}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="52"/>
        <source>“{typed}” is not a language the desk knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="57"/>
        <source>Type a code such as pt or ht, or a name such as Portuguese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="62"/>
        <source>“{text}” is not a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="67"/>
        <source>“{start_text}-{end_text}” opens and closes at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="72"/>
        <source>“{value}” is not yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="77"/>
        <source>{label} “{strip}” is not a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="82"/>
        <source>Type it like 08:30, 17:00 or 5 pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="87"/>
        <source>Say which days it is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="92"/>
        <source>For example MO,TU,WE,TH,FR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="97"/>
        <source>It opens and closes at the same time ({opens:%H:%M}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="102"/>
        <source>For a service open around the clock, use 00:00 to 23:59; a time before the opening time means it closes after midnight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="111"/>
        <source>{label} cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="114"/>
        <source>Days: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="118"/>
        <source>Separate days with commas: MO,TU,WE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="128"/>
        <source>ZIP code “{strip}” is not a ZIP code (5 digits, or ZIP+4 such as 01608-1234).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="135"/>
        <source>“{strip}” is not a phone number we can dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="147"/>
        <source>The extension of “{strip}” is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="152"/>
        <source>The list holds no resources to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="157"/>
        <source>The mapping names fields Recovery Desk does not know: {unknown}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="163"/>
        <source>Use these: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="168"/>
        <source>The list has no column {missing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="173"/>
        <source>Its columns are: {header}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="178"/>
        <source>The column {twice} is chosen for two fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="183"/>
        <source>Give each field its own column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="188"/>
        <source>No column holds the resources&apos; names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="193"/>
        <source>Choose the column with each resource&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="198"/>
        <source>The mapping file must be one JSON object of field names to column headings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="205"/>
        <source>For example {{&quot;name&quot;: &quot;Program&quot;, &quot;phone&quot;: &quot;Tel.&quot;}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="210"/>
        <source>The mapping file {path} cannot be read ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="215"/>
        <source>The mapping file {path} is not valid JSON ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="220"/>
        <source>No row of headings was found in the first rows of the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="225"/>
        <source>Put one row of column names (Name, Address, City, Phone, ...) above the resources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="233"/>
        <source>{name} is not a text file (it holds binary data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="238"/>
        <source>Save the list as CSV or as an Excel .xlsx workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="243"/>
        <source>{name} unpacks to {unpacked}; the most Recovery Desk reads is {max_package_bytes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="251"/>
        <source>Split the list into smaller files, and import each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="256"/>
        <source>{name} has no sheet to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="260"/>
        <source>{name} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="265"/>
        <location filename="../../desk/messages/imports.py" line="149"/>
        <source>{name} is not valid CSV near line {line_num}: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="270"/>
        <source>Check for a quote that is opened and never closed, then save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="277"/>
        <source>{name} is not an Excel workbook (it is empty, damaged, or another kind of file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="285"/>
        <source>Open it in Excel or LibreOffice and save it as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="290"/>
        <source>{name} could not be read as an Excel workbook ({name_2}: {error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="297"/>
        <source>The row of headings (row {header_line}) has merged cells ({cells}, “{text}”), so its columns cannot be told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="306"/>
        <source>Unmerge those cells and give each column its own heading, then import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="313"/>
        <source>{name} is an old Excel 97-2003 workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="318"/>
        <source>{name} is not a CSV file or an Excel .xlsx workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="321"/>
        <source>“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="325"/>
        <source>Your entries are still on screen. Reload it to see the other change, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="9"/>
        <source>That group does not meet on that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="13"/>
        <source>Choose one of today&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="18"/>
        <source>“{name}” is cancelled on {held_on:%A, %B} {day}{why}: nobody can be recorded at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="26"/>
        <source>Choose another meeting, or sign them in without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="31"/>
        <source>The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="36"/>
        <source>A group meets on days: not every hour or minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="41"/>
        <source>A rule ends either after a number of meetings (COUNT) or on a date (UNTIL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="48"/>
        <source>WKST={wkst} is not a day (MO, TU, WE, TH, FR, SA, SU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="53"/>
        <source>UNTIL={until} is not a date written YYYYMMDD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="58"/>
        <source>A date after {last_year} in a group&apos;s schedule is surely a slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="65"/>
        <source>Check the first date and the end date (UNTIL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="70"/>
        <source>The rule ends (UNTIL {until:%Y-%m-%d}) before the first date ({starts_on}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="77"/>
        <source>Choose a later end, or an earlier first date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="82"/>
        <source>This rule never falls on a date (February has no 30th, a month no 6th Monday, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="90"/>
        <source>Check the days and months it names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="95"/>
        <source>The first meeting by this rule would be on {first:%Y-%m-%d}, years away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="102"/>
        <source>Check the days and months it names, and the first date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="107"/>
        <source>Choose at least one day of the week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="112"/>
        <source>Choose which week of the month (first, second, …, last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="117"/>
        <source>“{piece}” is not a part of a rule (it should read NAME=VALUE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="124"/>
        <source>A group&apos;s rule cannot use {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="129"/>
        <source>Use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="136"/>
        <source>{name} is given twice in the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="141"/>
        <source>{name}={value}: {item} is out of range ({low} to {high}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="146"/>
        <source>BYSETPOS (the last weekday, say) needs a monthly or yearly rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="153"/>
        <source>BYDAY: “{item}” is not a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="158"/>
        <source>Use MO, TU, WE, TH, FR, SA, SU; 1MO is the first Monday of the month, -1FR the last Friday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="167"/>
        <source>BYDAY={item}: a numbered day (the first Monday, say) needs a monthly rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="174"/>
        <source>BYDAY={item}: there is no such day in a {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="179"/>
        <source>{name}={value}: “{item}” is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="183"/>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="184"/>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="9"/>
        <source>The export could not be written to {path}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="14"/>
        <source>Choose a folder you may write to, with free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="19"/>
        <source>{path} is a file; a tabular package is a folder or a .zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="24"/>
        <source>Choose a folder, or a name ending in .zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="29"/>
        <source>“{fmt}” is not an export format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="33"/>
        <source>Use csv or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="38"/>
        <source>{name} is {size}; the largest {what} Recovery Desk imports is {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="45"/>
        <source>{path} is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="50"/>
        <source>{path} is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="55"/>
        <source>The package names a file outside its own folder (“{name}”); it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="63"/>
        <source>Ask the sender for a package whose files all sit inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="68"/>
        <source>{name} is not a CSV file: it holds binary data (a NUL byte on line {line}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="75"/>
        <source>Export the table again as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="80"/>
        <source>{name} is empty: it has no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="85"/>
        <source>{name} has a column with no name (column {blanks}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="89"/>
        <source>There is no file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="94"/>
        <source>{path} cannot be opened ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="99"/>
        <source>{path} cannot be read ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="104"/>
        <source>There is no file or folder {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="109"/>
        <source>{name} unpacks to {total}; the most Recovery Desk imports at once is {max_package_bytes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="116"/>
        <source>Split the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="121"/>
        <source>The package has no file {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="126"/>
        <source>{name} declares the encoding “{encoding}”, which is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="131"/>
        <source>{name} is not UTF-8 text (byte 0x{data:02X} on line {line}). It is probably saved in the Windows-1252 (ANSI) encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="140"/>
        <source>Save it again as “CSV UTF-8”, or add &quot;encoding&quot;: &quot;windows-1252&quot; to its resource in datapackage.json, then import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="154"/>
        <source>Check for a quote that is opened and never closed, then export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="161"/>
        <source>{name} has two columns named “{cell}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="166"/>
        <source>{name} is neither a folder nor a .zip file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="171"/>
        <source>Choose the folder holding datapackage.json, or a .zip of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="176"/>
        <source>{name} is a damaged .zip file ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="181"/>
        <source>Ask the sender for the package again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="186"/>
        <source>The zip file holds a link (“{filename}”), which could point outside it; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="195"/>
        <source>Ask the sender for a zip of plain files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="200"/>
        <source>{name} cannot be unpacked from {name_2} ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="205"/>
        <source>Ask the sender for a plain .zip (no password, usual compression).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="212"/>
        <source>“{name}” is a link to {target}, which is not a file; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="219"/>
        <source>{name} cannot be read ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="222"/>
        <source>JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="223"/>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="224"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="227"/>
        <source>Split the package into smaller ones (fewer services in each), and import each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="234"/>
        <source>Split the list into smaller files, or remove columns you do not need, and import each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="242"/>
        <source>Split its services into smaller files, or export the directory as a tabular package (.zip) instead, and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="251"/>
        <source>Nothing was imported from {source}: {count:,} problem found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="255"/>
        <source>Nothing was imported from {source}: {count:,} problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="259"/>
        <source>Fix the rows listed in the report and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="9"/>
        <source>That barcode is not a Recovery Desk card, so nobody was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="16"/>
        <source>Scan the person&apos;s sign-in card, or type their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="21"/>
        <source>This card is not known here (never printed, or printed for another database): nobody was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="30"/>
        <source>Sign them in by name, and print them a new card if they wish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="35"/>
        <source>The card was not read completely, so nobody was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="40"/>
        <source>Scan it again, holding it still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="45"/>
        <source>The card was read wrongly, so nobody was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="50"/>
        <source>Scan it again; if it keeps failing, sign them in by name and print a new card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="58"/>
        <source>{value} is already signed in today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="63"/>
        <source>They are in today&apos;s queue; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="68"/>
        <source>The built-in command-line account is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="73"/>
        <source>Run `recovery-desk db upgrade` to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="77"/>
        <source>“{name}” is not held today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="82"/>
        <source>Choose one of today&apos;s meetings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="87"/>
        <source>{anonymous_count} anonymous attendees cannot be right (0 to {most_anonymous}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="95"/>
        <source>Someone on the list is no longer signed in that day (their sign-in was undone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="103"/>
        <source>The list has been reloaded; tick them again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="108"/>
        <source>That is not a card made by Recovery Desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="113"/>
        <source>Choose at least one purpose for the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="118"/>
        <source>That visit is no longer in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="123"/>
        <source>Choose an active recovery coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="128"/>
        <source>Only someone who is waiting can start with a coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="133"/>
        <source>This visit has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="138"/>
        <source>This visitor is not checked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="143"/>
        <source>A check-out can be undone only within a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="148"/>
        <source>If they are still here, sign them in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="153"/>
        <source>Say briefly why the sign-in is withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="158"/>
        <source>This sign-in was already withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="163"/>
        <source>“{code}” is not a visit purpose in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="168"/>
        <source>{first_name} is already signed in today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="173"/>
        <source>They are highlighted in today&apos;s queue; check them out there before a new visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="181"/>
        <source>The coach asked for is not an active recovery coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="186"/>
        <source>They have been signed in again since; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="191"/>
        <source>{label}: a count of {quantity} cannot be right (0 to {max_items}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="198"/>
        <source>The built-in kiosk account is missing or switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="202"/>
        <source>Choose why you came today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="207"/>
        <source>Only an admin can unlock or close the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="212"/>
        <source>You are signed in already today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="221"/>
        <source>They may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="226"/>
        <source>Record #{person_id} was removed at the person&apos;s request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="231"/>
        <source>Nothing about them is kept; if they come back, add them as someone new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="238"/>
        <source>This record (#{person_id}) was merged into another record of the same person, #{merged_into_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="247"/>
        <source>Use that one (or search for them by name): the whole history is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="254"/>
        <source>A record cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="259"/>
        <source>Both records have an active coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="264"/>
        <source>End one of the two assignments first (from the person&apos;s coaching panel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="271"/>
        <source>{first_name}&apos;s record changed on another station since you compared them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="278"/>
        <source>Compare the two records again, then merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="283"/>
        <source>Type the person&apos;s first name, exactly as on their record, to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="290"/>
        <source>“{value}” is not a birth year or date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="295"/>
        <source>Type a year such as 1985, or a date such as 3/14/1985; or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="302"/>
        <source>A first name or initials is needed, and nothing else is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="307"/>
        <source>Initials are fine if that is all the person wants to give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="312"/>
        <source>“{value}” is not peer or family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="316"/>
        <source>A purpose needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="320"/>
        <source>There is no purpose “{code}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="325"/>
        <source>At most {max_active} purposes can be in use (one for each of Ctrl+1 to Ctrl+{max_active}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="334"/>
        <source>Switch another one off first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="339"/>
        <source>{first_name} already has a coach: {coach}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="344"/>
        <source>Reassign them instead if they need another coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="349"/>
        <source>{first_name} is already on the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="354"/>
        <source>They keep their place; the Coaches page shows the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="359"/>
        <source>That waitlist entry is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="364"/>
        <source>This peer already left the waitlist on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="367"/>
        <source>It says: {resolution}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="371"/>
        <source>Say briefly why they leave the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="376"/>
        <source>{first_name} was just put on the waitlist on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="379"/>
        <location filename="../../desk/messages/people.py" line="395"/>
        <source>This record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="383"/>
        <source>The count of anonymous attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="387"/>
        <source>it is {anonymous_count} now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="392"/>
        <source>The list has been reloaded; set the count again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="397"/>
        <source>The purpose “{label}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="401"/>
        <source>What you typed is still on screen. Close this window, open the purpose again to see the other change, then make yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="408"/>
        <source>This visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="410"/>
        <source>it is now “{status}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="414"/>
        <source>The queue has been refreshed; check it and try again if still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="421"/>
        <source>This card was replaced by a new one{when}: it signs no one in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="427"/>
        <source>Ask for their new card, or sign them in by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="431"/>
        <source>This card was stopped{when} (reported lost): it signs no one in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="437"/>
        <source>Sign them in by name; print them a new card if they wish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="439"/>
        <source> on {month:%B} {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="9"/>
        <source>This referral&apos;s saved sheet is in format {kept!r}, which this version of Recovery Desk cannot read (it reads format {content_format}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="18"/>
        <source>It was probably saved by a newer version: reprint it on a station that has been updated, or give a new sheet for the same services (Refer again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="27"/>
        <source>This referral&apos;s saved sheet cannot be read ({name}: {error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="32"/>
        <source>Give a new sheet for the same services (Refer again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="37"/>
        <source>A consent needs an end: a date, or an event or condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="42"/>
        <source>For example a date a year from now, or “when I finish this program”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="49"/>
        <source>The end date is already past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="53"/>
        <source>Choose a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="58"/>
        <source>Consent forms are printed in English (en) or Spanish (es), not “{language}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="69"/>
        <source>Open their record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="74"/>
        <source>There is no consent #{consent_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="79"/>
        <source>This consent was revoked; a signature cannot bring it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="84"/>
        <source>Prepare a new consent form instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="89"/>
        <source>The signature on this consent was already recorded ({signed_on}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="96"/>
        <source>If the date is wrong, revoke it and prepare a new consent form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="103"/>
        <source>The signature date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="108"/>
        <source>Enter the date written on the signed form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="113"/>
        <source>The form cannot have been signed before it was prepared, on {created_on}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="120"/>
        <source>This consent was already revoked on {revoked_on}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="125"/>
        <source>The revocation date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="130"/>
        <source>{label} must be filled in: §2.31 requires it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="135"/>
        <source>The program this consent names is no longer in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="140"/>
        <source>Choose the provider again, or type the recipient without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="145"/>
        <source>The organization this consent names is no longer in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="152"/>
        <source>A consent for every program of {name} must say so: its recipient has to name {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="160"/>
        <source>Choose “every program of the organization” again to fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="167"/>
        <source>There is no category called “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="172"/>
        <source>Give a code or a name; the categories are {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="177"/>
        <source>Choose connected, not connected or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="182"/>
        <source>The next try must be on a later day than today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="187"/>
        <source>Choose tomorrow or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="192"/>
        <source>This referral already has an outcome, so there is nothing to follow up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="199"/>
        <source>Refresh the list to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="204"/>
        <source>There is no referral #{referral_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="209"/>
        <source>The sheet does not show their name, but {where} contains {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="216"/>
        <source>Sheets are printed in English (en) or Spanish (es), not “{language}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="223"/>
        <source>The referral has no services yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="228"/>
        <source>Add services from the Resources page or from the person&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="235"/>
        <source>No service in the directory has the id {unknown}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="240"/>
        <source>Service ids are the HSDS ids that `recovery-desk export-hsds` writes; the service may have been removed on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="249"/>
        <source>Choose the person first: an anonymous sheet has no name to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="256"/>
        <source>That coach&apos;s account is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="260"/>
        <source>Choose another coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="263"/>
        <source>This consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="267"/>
        <source>Your entries are still on screen. Reload the person&apos;s consents, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="275"/>
        <source>This referral&apos;s follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="280"/>
        <source>Your note is still on screen. Refresh the list to see theirs, then save again if yours adds to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="289"/>
        <source>This sheet names the person, and 42 CFR Part 2 needs their signed consent for each provider on it. Missing: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="297"/>
        <source>Print a consent form for them to sign (record the signature when it is back), or turn off “show their name” to give a sheet with no identifying information, which needs no consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="306"/>
        <source>Referral #{referral_id} shows the person&apos;s name, and their consent is no longer active for: {names}. It cannot be printed again with their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="314"/>
        <source>Print it without their name and the §2.32 notice, or record a new signed consent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="321"/>
        <source>Remove it from the text, or tick “show their name” (which needs their signed consent for each provider on the sheet).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message>
        <location filename="../models/directory_table.py" line="34"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="35"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="36"/>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="37"/>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="38"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="39"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="89"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="91"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="92"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="107"/>
        <source>Not verified for more than %1 days: check before referring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="71"/>
        <source>Consent no longer active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="72"/>
        <source>Print the same sheet without their name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="125"/>
        <source>Referral #%1 sent to %2, the same sheet as given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="127"/>
        <source>Referral #%1 sent to %2, without their name and the notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="191"/>
        <source>Consent form #%1 sent to %2. When it comes back signed, press “Signed form is back” on their record and enter the date written on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="217"/>
        <source>The “%3” handout was sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="232"/>
        <source>The week&apos;s handout (%3) was sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentOutput</name>
    <message>
        <location filename="../printing/output.py" line="52"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../printing/output.py" line="69"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../printing/output.py" line="69"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorCalls</name>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="35"/>
        <source>Greeted (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="68"/>
        <source>did not say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="72"/>
        <source>At the door: %1 waiting to be greeted (first time or no card), since %2; came for: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../pages/reports/sections.py" line="50"/>
        <source>Previous: %1 · change %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/sections.py" line="64"/>
        <source>Click for the list behind it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureListDialog</name>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="39"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="66"/>
        <source>%1 · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="69"/>
        <source> (the first %1 shown; export the report for every count)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminScreen</name>
    <message>
        <location filename="../staff/screens.py" line="188"/>
        <source>Welcome to Recovery Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="188"/>
        <source>Make the admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="193"/>
        <source>Nobody can sign in to this database yet. Make the first admin account: its owner makes the accounts of the rest of the staff (front desk, coaches, admins) on the Staff page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="207"/>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="207"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="208"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="208"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="209"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="209"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="210"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="210"/>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="222"/>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="65"/>
        <source>Due for follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="66"/>
        <source>Awaiting an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="67"/>
        <source>All referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="81"/>
        <source>Not reached yet: try again on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="89"/>
        <source>What happened, in a few words (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="91"/>
        <source>Record outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="94"/>
        <location filename="../pages/referrals/follow_up.py" line="137"/>
        <source>Reprint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="96"/>
        <source>Reprint to default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="97"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="98"/>
        <location filename="../pages/referrals/follow_up.py" line="140"/>
        <source>Open their record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="101"/>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="135"/>
        <source>Choose the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="136"/>
        <source>Record the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="138"/>
        <source>Reprint to the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="139"/>
        <source>Save the sheet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="143"/>
        <source>The outcome (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="168"/>
        <source>1 referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="170"/>
        <source>%1 referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="244"/>
        <source>Referral #%1 comes due again on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="250"/>
        <source>Outcome saved for referral #%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <location filename="../pages/front_desk/controller.py" line="117"/>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="121"/>
        <source>Sign in the highlighted match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="122"/>
        <source>The match above (Down: below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="123"/>
        <source>Clear the box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="125"/>
        <source>Back to the sign-in box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="126"/>
        <source>New person (intake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="127"/>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="128"/>
        <source>Next visitor in today&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="129"/>
        <source>Previous visitor in today&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="130"/>
        <source>Start with a coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="131"/>
        <source>Assign a coach (ranked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="132"/>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="133"/>
        <source>Undo the check-out (a minute), or the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="134"/>
        <source>Open their record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="135"/>
        <source>Privacy: full names or initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="136"/>
        <source>Another of today&apos;s meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="137"/>
        <source>Take attendance at a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="140"/>
        <source>Ctrl+1 to Ctrl+9: the purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="141"/>
        <source>One more kit (Ctrl+-: one fewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="320"/>
        <source>No one is chosen. Wait for the matches, or press Ctrl+N for a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="358"/>
        <source>Choose at least one purpose (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="365"/>
        <source>Signing in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="431"/>
        <source>: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="433"/>
        <source>Signed in %1 at %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="511"/>
        <source>Anonymous visit as “%1” (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="513"/>
        <source>Anonymous visit (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="517"/>
        <source>Still loading names… type on: the matches appear as soon as they are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="522"/>
        <source>No match for “%1”. Ctrl+N adds a new person; Ctrl+Shift+A signs in an anonymous visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="529"/>
        <source>%1 choose the purposes. Nothing else is needed for a returning visitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="537"/>
        <source>Ctrl+1 to Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontDeskView</name>
    <message>
        <location filename="../pages/front_desk/view.py" line="34"/>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="36"/>
        <source>Privacy: first name and last initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="47"/>
        <source>Type a name, phone digits or birth year; ↑ ↓ to choose, Enter to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="51"/>
        <source>Still loading names… you can type already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="66"/>
        <source>New person… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="67"/>
        <source>Anonymous visit (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="68"/>
        <source>Sign in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="85"/>
        <source>Start with coach… (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="86"/>
        <source>Assign coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="88"/>
        <source>Pair them with a recovery coach, ranked with reasons (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="90"/>
        <source>Check out (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="91"/>
        <source>Undo sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="92"/>
        <source>Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="113"/>
        <source>Today&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GateScreen</name>
    <message>
        <location filename="../staff/screens.py" line="60"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="96"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="37"/>
        <source>A recovery goal for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="48"/>
        <source>in their words: “Find a sober house”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="52"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="53"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="54"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="62"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="62"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="62"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="62"/>
        <source>Set on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDateDialog</name>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="76"/>
        <source>Dates of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="81"/>
        <source>Cancelled that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="83"/>
        <source>Held otherwise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="90"/>
        <source>at another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="99"/>
        <source>the usual room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="102"/>
        <source>Why, for the handout (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="106"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="110"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="113"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="115"/>
        <source>In room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="116"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="117"/>
        <source>Save this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="120"/>
        <source>As scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="122"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="200"/>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="224"/>
        <source>%1 on %2 is back as scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="75"/>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="77"/>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="94"/>
        <source>No one named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="95"/>
        <source>A volunteer (type the name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="98"/>
        <source>The volunteer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="122"/>
        <source>Every week, on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="123"/>
        <source>Once a month, on the…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="124"/>
        <source>Once only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="125"/>
        <source>Another rule (RRULE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="130"/>
        <source>every other week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="144"/>
        <source>On the schedule (switch off when it stops meeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="158"/>
        <source>of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="166"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="174"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="175"/>
        <source>Name in Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="176"/>
        <source>What it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="177"/>
        <source>In Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="178"/>
        <source>Led by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="179"/>
        <source>&amp;Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="180"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="181"/>
        <source>First date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="182"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="183"/>
        <source>Re&amp;peats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location filename="../pages/groups/page.py" line="32"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="34"/>
        <source>The center&apos;s groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="38"/>
        <source>Meetings, groups, workshops and open hours that the center runs. The Front desk shows today&apos;s; the week&apos;s handout lists them in English or Spanish. Cancel or change one date with Dates…, not the group itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="51"/>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="53"/>
        <source>Change… (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="55"/>
        <source>Dates… (cancel or change one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="57"/>
        <source>Print the week&apos;s handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="66"/>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="67"/>
        <source>Cancel or change one of its dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="68"/>
        <source>Print the week&apos;s handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="71"/>
        <source>Change the chosen group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="129"/>
        <source>“%1” is saved: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../models/groups_table.py" line="19"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="20"/>
        <source>Meets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="21"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="22"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="23"/>
        <source>Led by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="24"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="38"/>
        <source>%1 (off the schedule)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="47"/>
        <source>Print a category handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="54"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="55"/>
        <source>Spanish (Español)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="56"/>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="59"/>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="63"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="66"/>
        <source>Every current listing of the category, as checked by our staff, with the help lines. No person is named on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="72"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="75"/>
        <source>Print to default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="77"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="79"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <location filename="../pages/reports/charts.py" line="149"/>
        <source>Visits by local hour of arrival and day of the week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="79"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="95"/>
        <source>Only a first name or initials is needed. Ask for the rest only if the person wants to give it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="109"/>
        <source>Use this person (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="119"/>
        <source>Save and sign in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="154"/>
        <source>The unsaved intake from before is back. Save it, or Cancel to discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="203"/>
        <source>This may be someone we already know:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="216"/>
        <source>b. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="274"/>
        <source>No answer from the database yet (%1). Everything you typed is kept here. Press Save again once it answers: a save that went through is not made twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="279"/>
        <source>Not saved: the database cannot be reached (%1). Everything you typed is kept here. Press Save again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="293"/>
        <source>Press Cancel (or Esc) again to throw away what you typed, or Save to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskLock</name>
    <message>
        <location filename="../kiosk/lock.py" line="24"/>
        <source>This kiosk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="27"/>
        <source>Please ask someone at the front desk. An admin can unlock it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="39"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="42"/>
        <source>End kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="48"/>
        <source>Admin username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="49"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk/window.py" line="86"/>
        <location filename="../kiosk/window.py" line="106"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="109"/>
        <source>Scan your card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="119"/>
        <source>First time, or no card?
Press here and someone will greet you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="146"/>
        <source>Why did you come today? Touch all that apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="150"/>
        <source>Which meeting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="153"/>
        <location filename="../kiosk/window.py" line="300"/>
        <source>Sign me in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="157"/>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="280"/>
        <source>Hello, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="282"/>
        <source>Hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="289"/>
        <source>Welcome! We are glad you came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="300"/>
        <source>Ask someone to greet me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="329"/>
        <source>Thank you! Please have a seat: someone will come to greet you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="336"/>
        <source>Touch at least one reason, then Sign me in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="352"/>
        <source> The meeting “%1” is about to start or on now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="356"/>
        <source>You are signed in. Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="362"/>
        <source>Something went wrong. Please see the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="396"/>
        <source>Not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../staff/screens.py" line="256"/>
        <source>Recovery Desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="256"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="259"/>
        <source>Password or PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="260"/>
        <source>&amp;Password or PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="262"/>
        <source>&amp;Sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="273"/>
        <source>%1 (%2) is signed in. Everything on screen is hidden until they unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="284"/>
        <source>Type your password or PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="64"/>
        <source>Log a contact with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="83"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="88"/>
        <source>Short and non-clinical: what you did together. No diagnoses or health details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="97"/>
        <source>optional: what comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="98"/>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="108"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="109"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="110"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="111"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="113"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="144"/>
        <source>What you typed before was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="150"/>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupResultsModel</name>
    <message>
        <location filename="../models/lookup_results.py" line="69"/>
        <source>b. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="74"/>
        <source>here now, in today&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="76"/>
        <source>last here %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="78"/>
        <source>no visits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="85"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="87"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="71"/>
        <source>Recovery Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="117"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>Change your password, or set a PIN to unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="133"/>
        <source>Hide everything until you come back (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="135"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>This list of keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="258"/>
        <source>The database cannot be reached right now. %1 Nothing you typed is lost; save again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269"/>
        <source>The database is back. You can save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>No good backup has been made for more than two days. %1 Open Center settings, Backups, to see why and to back up now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingPicker</name>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="24"/>
        <source>Which meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="26"/>
        <source>For the meeting (Ctrl+M):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="46"/>
        <source> (on now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="48"/>
        <source> (next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="50"/>
        <source>None of these</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="45"/>
        <source>Merge two records of the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="52"/>
        <source>Find the other record: name, phone or year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="64"/>
        <source>Keep this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="65"/>
        <source>Keep that record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="69"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="76"/>
        <source>Every visit, coaching note and referral of the other record moves to the kept one; empty fields are filled from it. The other record is kept, marked merged, and the merge is recorded in the activity log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="49"/>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="52"/>
        <source>Backups written outside the default folder (a USB drive, a network share) are encrypted so that a lost drive reveals nothing. Restoring one needs this passphrase. Recovery Desk does not keep it: write it down and keep it somewhere safe, away from this computer (a sealed envelope in the office safe, or a password manager only admins use). A lost passphrase means those backups are lost: no one can open them, Recovery Desk included.

Backups made before a change keep needing the passphrase they were made with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="69"/>
        <source>Passphrase (12 characters or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="70"/>
        <source>The same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="87"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../printing/preview.py" line="83"/>
        <source>The sheet appears here as it will print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../printing/preview.py" line="120"/>
        <source>1 page, US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../printing/preview.py" line="122"/>
        <source>%1 pages, US Letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeerCoachingDialog</name>
    <message>
        <location filename="../pages/coaches/controller.py" line="63"/>
        <location filename="../pages/coaches/controller.py" line="65"/>
        <source>Coaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="78"/>
        <source>%1&apos;s coaching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeerCoachingPanel</name>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="65"/>
        <source>No one is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="68"/>
        <location filename="../pages/coaches/peer_panel.py" line="196"/>
        <source>Assign coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="69"/>
        <source>End coaching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="70"/>
        <source>Log contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="71"/>
        <source>Add goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="72"/>
        <source>Record BARC-10…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="90"/>
        <source>Assign a coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="91"/>
        <location filename="../pages/coaches/peer_panel.py" line="301"/>
        <source>End coaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="92"/>
        <source>Log a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="93"/>
        <source>Add a goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="94"/>
        <source>Record a BARC-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="107"/>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="108"/>
        <source>Set the goal&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="111"/>
        <source>Chosen goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="135"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="136"/>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="137"/>
        <source>BARC-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="138"/>
        <source>Coaches over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="196"/>
        <source>Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="218"/>
        <source>Coaching notes are for the peer&apos;s own coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="245"/>
        <source>Coach: %1, since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="250"/>
        <source>No coach yet: on the waitlist since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="254"/>
        <source>No coach yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="260"/>
        <source>a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="262"/>
        <source>speaks %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="264"/>
        <source>Asked for: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="270"/>
        <source>No BARC-10 yet. It is optional: at intake and later, if they wish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="271"/>
        <source>Latest total %1 of 60 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="274"/>
        <source>%1 since the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="291"/>
        <source>Now with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="293"/>
        <source>On the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="302"/>
        <source>Why does %1&apos;s coaching with %2 end? (kept in their history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="311"/>
        <source>Coaching ended; it stays in their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="322"/>
        <source>Contact logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="328"/>
        <source>Goal added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="336"/>
        <source>BARC-10 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="354"/>
        <source>Goal updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../pages/people/controller.py" line="92"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="96"/>
        <source>Open the highlighted person&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="98"/>
        <source>Find someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="99"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="100"/>
        <source>Reload the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="101"/>
        <source>Merge with another record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="102"/>
        <source>Their sign-in card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="105"/>
        <source>Their data (a copy, or removal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="108"/>
        <source>Privacy: full names or initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="114"/>
        <source>Start a referral for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="118"/>
        <source>Assign coach… (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="205"/>
        <source>Your unsaved changes are back, but this record was saved elsewhere since: check them before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="210"/>
        <source>Unsaved changes from before were restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="252"/>
        <source>This record was changed on another station. Your unsaved edits are kept: saving will say what changed, and Reload brings theirs in under yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="256"/>
        <source>This record was merged or removed on another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="298"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="306"/>
        <source>Not saved: your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="321"/>
        <source>Merged. The history of both is here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="339"/>
        <source>Open a record to see and edit it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../pages/people/view.py" line="42"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="44"/>
        <source>Privacy: first name and last initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="54"/>
        <source>Find anyone: name, phone digits or birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="59"/>
        <source>Open record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="67"/>
        <source>Open a record to see and edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="69"/>
        <source>Opening a record is recorded in the activity log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="72"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="74"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="75"/>
        <source>Merge with another record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="76"/>
        <source>Their data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="79"/>
        <source>At their request: everything about them as a file, or their record removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="83"/>
        <source>Start a referral (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="89"/>
        <source>Sign-in card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="92"/>
        <source>Print a card they scan to sign in, or stop a lost one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="120"/>
        <source>Assign coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="128"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="132"/>
        <source>Coaching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDataRequests</name>
    <message>
        <location filename="../pages/people/data_requests.py" line="34"/>
        <source>Export everything about them (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="35"/>
        <source>Export everything about them (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="37"/>
        <source>Remove their record at their request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="45"/>
        <source>Export everything about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="55"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="58"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="80"/>
        <source>Everything about them is saved to %1. It is confidential: hand it to them, and delete the file from this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="95"/>
        <source>Remove this record?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="97"/>
        <source>Remove %1&apos;s record at their request? Their details, coaching notes, goals, consents and notes are deleted and cannot be brought back. Their visits stay as anonymous counts, and the activity log keeps that a record was removed, without their name.

Export their data first if they want a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="109"/>
        <source>Confirm the removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="110"/>
        <source>Type their first name to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/people/data_requests.py" line="119"/>
        <source>The record was removed; %n visit(s) kept as anonymous counts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../widgets/person_form.py" line="112"/>
        <location filename="../widgets/person_form.py" line="180"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="121"/>
        <source>First name or initials *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="122"/>
        <source>needed: a first name or initials is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="124"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="125"/>
        <source>Goes by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="126"/>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="128"/>
        <source>Pronouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="130"/>
        <source>Birth year or date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="130"/>
        <source>optional: 1985, or 3/14/1985</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="132"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="132"/>
        <source>optional: 508 555 0142</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="133"/>
        <source>May call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="134"/>
        <source>May text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="135"/>
        <source>May leave a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="140"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="142"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="145"/>
        <source>not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="150"/>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="153"/>
        <source>Peer (in or seeking recovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="154"/>
        <source>Family member or ally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="157"/>
        <source>Here as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="158"/>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="160"/>
        <source>How they heard of us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="162"/>
        <source>Recovery pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="162"/>
        <source>optional: their own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="166"/>
        <source>optional; no clinical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="171"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="189"/>
        <source>Partly checked: not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="20"/>
        <source>Who is this referral for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="24"/>
        <source>Name, phone digits or birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="69"/>
        <source>Find the person first, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonReferralsPanel</name>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="64"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="66"/>
        <source>Start a referral for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="68"/>
        <location filename="../pages/people/referrals_panel.py" line="103"/>
        <source>Refer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="81"/>
        <source>Consents to share (42 CFR Part 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="83"/>
        <source>New consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="85"/>
        <source>Signed form is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="87"/>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="89"/>
        <source>Print form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="106"/>
        <source>New consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="107"/>
        <source>The signed consent form is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="108"/>
        <source>Revoke the chosen consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="109"/>
        <source>Print the chosen consent&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="188"/>
        <source>Choose one of their referrals first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="205"/>
        <source>1 service added to the referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="207"/>
        <source>%1 services added to the referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="216"/>
        <source>Choose a consent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="254"/>
        <source>Only a consent awaiting its signature can have one recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="259"/>
        <source>Signature recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="268"/>
        <source>Revoke consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="269"/>
        <source>How and when did they revoke it (or what ended it)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="288"/>
        <source>Consent revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneType</name>
    <message>
        <location filename="../formatting.py" line="104"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../formatting.py" line="105"/>
        <source>Text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../formatting.py" line="106"/>
        <source>TTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../formatting.py" line="107"/>
        <source>Pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../formatting.py" line="108"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../formatting.py" line="109"/>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurposeBar</name>
    <message>
        <location filename="../pages/front_desk/purpose_bar.py" line="34"/>
        <source>kits: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/purpose_bar.py" line="41"/>
        <source>Here for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="65"/>
        <source>Visit purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="68"/>
        <source>Ask how many (kits, for example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="70"/>
        <source>In use at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="73"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="74"/>
        <source>In Spanish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurposesEditor</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="116"/>
        <source>Visit purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="128"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="129"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="130"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="131"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="137"/>
        <source>Add a purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="138"/>
        <source>Edit the chosen purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="139"/>
        <source>Move the chosen purpose up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="140"/>
        <source>Move the chosen purpose down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurposesTableModel</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="36"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="37"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="38"/>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="39"/>
        <source>Counts items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="40"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="51"/>
        <location filename="../pages/center_settings/purposes_editor.py" line="52"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="52"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../models/queue_table.py" line="34"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="35"/>
        <location filename="../models/queue_table.py" line="42"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="36"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="37"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="38"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="39"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="43"/>
        <source>With coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="44"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="45"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="86"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="96"/>
        <source> · signed in at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="98"/>
        <source> · by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="104"/>
        <source>%1 (their coach)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="106"/>
        <source>%1 (asked for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="115"/>
        <source>Their coach: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="117"/>
        <source>Asked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralBuilder</name>
    <message>
        <location filename="../pages/referrals/builder.py" line="104"/>
        <source>Choose whom the sheet is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="105"/>
        <source>Make the sheet anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="106"/>
        <source>English or Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="107"/>
        <source>Large print, or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="108"/>
        <source>The coach on the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="109"/>
        <source>Show their name, or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="110"/>
        <source>Add from Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="111"/>
        <source>Move the chosen service up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="112"/>
        <source>Move the chosen service down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="113"/>
        <source>Remove the chosen service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="114"/>
        <source>Write the next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="115"/>
        <source>Prepare the consent form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="116"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="117"/>
        <source>Print to the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="118"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="119"/>
        <source>Print the last referral again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="120"/>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="123"/>
        <source>The sheet&apos;s language (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="124"/>
        <source>The coach printed on the sheet (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="125"/>
        <source>Next steps, in their words (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="172"/>
        <source>Anonymous: no name on the sheet or in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="175"/>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="197"/>
        <source>Print and Save wait: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="198"/>
        <source>Print and Save wait:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="244"/>
        <source>Add services from Resources (Alt+3) or from a person&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="266"/>
        <source>Their name can go on the sheet once they consent for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="284"/>
        <source>Add at least one service first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="319"/>
        <source>Preparing the sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="329"/>
        <source>Sending to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="341"/>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="341"/>
        <source>Printed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="345"/>
        <source>Referral #%1 is logged; follow up on %2. Ready for the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="386"/>
        <source>The referral is logged (#%1), once: press “%2” when the printer is ready; it will not be logged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="401"/>
        <source>Save referral #%1 again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="403"/>
        <source>Print referral #%1 again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralLogTableModel</name>
    <message>
        <location filename="../models/referral_log_table.py" line="26"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="27"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="28"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="29"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="30"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="31"/>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="32"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="35"/>
        <source>Awaiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="36"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="37"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="38"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="66"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="72"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="72"/>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../pages/referrals/page.py" line="23"/>
        <location filename="../pages/referrals/page.py" line="56"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="25"/>
        <source>Print a category handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="28"/>
        <source>Every current service of one category, for the rack by the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="38"/>
        <source>Referral sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="40"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="51"/>
        <source>Print a category handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="52"/>
        <source>The referral sheet, or the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports/page.py" line="80"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="80"/>
        <source>Today&apos;s counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="134"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="135"/>
        <source>%1, compared with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="138"/>
        <source> Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="189"/>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="205"/>
        <source>Export de-identified visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="217"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../pages/reports/view.py" line="38"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="46"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="48"/>
        <source>Privacy: first name and last initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="52"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="55"/>
        <source>Spreadsheet (XLSX), one sheet per table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="56"/>
        <source>CSV, every table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="57"/>
        <source>Report for funders (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="58"/>
        <source>De-identified visits (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="67"/>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="191"/>
        <source>Reset %1&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="195"/>
        <source>Give %1 a new password, and tell it to them in person. They choose their own at their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="202"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="206"/>
        <source>New &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../pages/resources/controller.py" line="122"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="237"/>
        <source>%1 of %2 resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="299"/>
        <source>From the search to the results (Enter too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="301"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="302"/>
        <source>Verified today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="303"/>
        <source>Edit the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="304"/>
        <source>Walk-ins only, or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="305"/>
        <source>The re-verify queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="306"/>
        <source>Import HSDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="307"/>
        <source>Import a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="308"/>
        <source>Export HSDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="312"/>
        <source>Add the highlighted service to the referral, back to the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="340"/>
        <source>Added to the referral (%1 in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="342"/>
        <source>Already in the referral (%1 in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="363"/>
        <source>Verified today by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="395"/>
        <source>(Cancel, look at the new details, and edit again.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="407"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourcesView</name>
    <message>
        <location filename="../pages/resources/view.py" line="33"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="38"/>
        <source>Search: detox, food, Spanish, a name, a town…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="43"/>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="48"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="49"/>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="50"/>
        <source>Open 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="53"/>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="56"/>
        <source>Any cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="57"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="58"/>
        <source>Takes insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="59"/>
        <source>Free or insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="62"/>
        <source>Any town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="63"/>
        <source>Walk-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="95"/>
        <source>Add to referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="98"/>
        <source>Verified today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="100"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="128"/>
        <source>Re-verify queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="130"/>
        <source>Import HSDS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="132"/>
        <source>Import a list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="134"/>
        <source>Export HSDS…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../app.py" line="448"/>
        <source>Recovery Desk cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="154"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="157"/>
        <source>Restoring replaces everything in the center&apos;s database with the backup. The database as it is now is kept aside first. Every other station must close Recovery Desk before you restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="175"/>
        <source>Another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="181"/>
        <source>needed only for an encrypted backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="184"/>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="185"/>
        <source>Check and restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="190"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="209"/>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="239"/>
        <source>No backups in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="281"/>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="305"/>
        <source>This replaces the center&apos;s database at %1, which holds %2, with the backup made %3, which holds %4.

Anything recorded after that backup will no longer be in the database. The database as it is now is kept beside it first. Recovery Desk closes and opens again on the restored data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="316"/>
        <source>Replace the database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="318"/>
        <source>Replace and restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReverifyQueueDialog</name>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="27"/>
        <source>Re-verify queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="34"/>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="34"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="34"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="34"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="44"/>
        <source>Show it to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="59"/>
        <source>%1 resources have not been verified for more than %2 days. Call each one, check the details, then press “Verified today”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="68"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="70"/>
        <source>%1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../models/roster_table.py" line="24"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="25"/>
        <location filename="../models/roster_table.py" line="51"/>
        <source>On duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="26"/>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="27"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="28"/>
        <source>Specialties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="29"/>
        <source>Weekly hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="30"/>
        <source>Phone (handouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="48"/>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="66"/>
        <source>No room: assigning more needs the override, which is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionWidget</name>
    <message>
        <location filename="../pages/reports/sections.py" line="126"/>
        <source>Double-click a row for the list behind it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceEditDialog</name>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="71"/>
        <source>Edit resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="85"/>
        <source>One a line: 508 555 0101; extension; note. A fax, text or TTY line starts with Fax:, Text: or TTY: (also Cell:, Video:, Pager:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="91"/>
        <source>One a line: MO,TU,WE,TH,FR 08:00-16:00; note (00:00-23:59 for 24 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="96"/>
        <source>One a line, for hours without times: By appointment only – call first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="100"/>
        <source>Kept as they are: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="111"/>
        <source>Walk-ins welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="114"/>
        <source>Free for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="131"/>
        <source>en, es, pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="135"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="136"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="137"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="138"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="139"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="140"/>
        <source>About the hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="142"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="143"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="144"/>
        <source>Who it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="145"/>
        <source>How to get in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="146"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="147"/>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="150"/>
        <source>Beds or slots free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="151"/>
        <source>In all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="152"/>
        <source>Counted in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="153"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="154"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="155"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <location filename="../models/sheet_preview_table.py" line="46"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="47"/>
        <source>Will be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="48"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="49"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="50"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="51"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="52"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="53"/>
        <source>Repaired or noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="66"/>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="66"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="74"/>
        <source>%1 (no street address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="75"/>
        <source>(no street address)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../staff/screens.py" line="127"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="129"/>
        <source>Each staff member signs in with their own username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="133"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="135"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="136"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="137"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="140"/>
        <source>&amp;Back to the lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="156"/>
        <source>Type your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedFormDialog</name>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="318"/>
        <source>Signed form is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="326"/>
        <source>Consent #%1 to %2. Enter the date the person wrote next to their signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="334"/>
        <source>Record the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="337"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="339"/>
        <source>Date on the signed form:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecialtyTagsDialog</name>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="35"/>
        <source>Specialty tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="45"/>
        <source>In use (offered for coaches and peers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="48"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="49"/>
        <source>Spanish name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="51"/>
        <source>Add as new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="52"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="82"/>
        <source>%1 (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="133"/>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffAccountDialog</name>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="56"/>
        <source>New staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="58"/>
        <source>Staff account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="64"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="67"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="71"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="83"/>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="86"/>
        <source>Can sign in (switch off when someone leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="89"/>
        <source>May read every caseload&apos;s coaching notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="94"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="95"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="96"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="99"/>
        <source>They choose their own password when they first sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="101"/>
        <source>First &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../pages/staff/page.py" line="36"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="38"/>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="42"/>
        <source>Everyone who works at the desk signs in as themselves. Their role decides what they may do; switch an account off when someone leaves (their history keeps their name). Coaches&apos; languages and hours are on the Coaches page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="50"/>
        <source>New account… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="51"/>
        <source>Change… (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="52"/>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="59"/>
        <source>Reset a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="107"/>
        <source>%1 can now sign in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="121"/>
        <source>%1&apos;s account is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="133"/>
        <source>%1&apos;s password is reset; they choose their own at their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffSessions</name>
    <message>
        <location filename="../staff/sessions.py" line="220"/>
        <source>%1 signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../models/staff_table.py" line="23"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="24"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="25"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="26"/>
        <source>Can sign in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="27"/>
        <source>Last signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="38"/>
        <source>No: switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="40"/>
        <source>No: no password yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="42"/>
        <source>Locked after wrong passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="44"/>
        <source>Yes (chooses a new password at sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="45"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="49"/>
        <source> (coach roster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="56"/>
        <source>, sees every caseload&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../start.py" line="82"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start.py" line="90"/>
        <source>Recovery Desk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="14"/>
        <source>This station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="21"/>
        <source>Language of this station&apos;s screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="25"/>
        <source>The sign-in screen speaks it from the next start, and so do the screens of staff who have not chosen a language of their own (My preferences).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="32"/>
        <source>Language of the screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="39"/>
        <source>Saved on this station: %1 from the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsTableModel</name>
    <message>
        <location filename="../models/suggestions_table.py" line="23"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="24"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="25"/>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="26"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="27"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="28"/>
        <source>To know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="49"/>
        <source>%1 full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="63"/>
        <source>Each reason weighs more than all the ones after it together: their wishes (gender 128, language 64, pathway 32), their language 16, a specialty 8, plenty of room 4, on duty 2, worked with them before 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayAtCenterLine</name>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="44"/>
        <location filename="../pages/front_desk/today_at_center.py" line="98"/>
        <source>Today at the center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="75"/>
        <source>&lt;b&gt;Now:&lt;/b&gt; %1, until %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="82"/>
        <source>&lt;b&gt;Next:&lt;/b&gt; %1 at %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="89"/>
        <source>&lt;b&gt;Later:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="93"/>
        <source>&lt;b&gt;Cancelled today:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="96"/>
        <source>No more groups today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="96"/>
        <source>No groups today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="102"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodaysQueue</name>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="85"/>
        <source>Here now: %1   ·   Visits today: %2 (%3 anonymous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="126"/>
        <source>There are no active coaches yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="151"/>
        <source>An anonymous visitor has no record to hold a coach. Add them as a person first (Ctrl+N), if they wish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="168"/>
        <source>%1 is now with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="173"/>
        <source>%1 is on the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="197"/>
        <source>Undo check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="197"/>
        <source>Undo sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="205"/>
        <source>Checked out %1. Ctrl+U puts them back in the queue, for a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="226"/>
        <source>Undo sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="227"/>
        <source>Why is %1&apos;s sign-in withdrawn? (kept in the activity log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="256"/>
        <source>%1 is back in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../widgets/trend_chart.py" line="61"/>
        <source>No BARC-10 yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <location filename="../error_dialog.py" line="34"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="37"/>
        <source>The details were written to the log file:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="39"/>
        <source>The log file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="43"/>
        <source>Recovery Desk ran into a problem it did not expect. Nothing you typed has been cleared: close this message and carry on, or save your work and restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="57"/>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="60"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="65"/>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Veil</name>
    <message>
        <location filename="../staff/veil.py" line="24"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsTableModel</name>
    <message>
        <location filename="../models/visits_table.py" line="20"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="21"/>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="22"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="23"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="24"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="27"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="28"/>
        <source>With coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="29"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="30"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitlistTableModel</name>
    <message>
        <location filename="../models/waitlist_table.py" line="24"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="25"/>
        <source>Peer (language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="26"/>
        <source>Asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="27"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="49"/>
        <source>a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="52"/>
        <source>speaks %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="61"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="61"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="77"/>
        <source>Since %1, added by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekHandoutDialog</name>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="45"/>
        <source>Print “This week at the center”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="51"/>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="55"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="56"/>
        <source>Spanish (Español)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="57"/>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="68"/>
        <source>Week of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="70"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="71"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="74"/>
        <source>Print to default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="76"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="78"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="127"/>
        <source>Monday %1 to Sunday %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="299"/>
        <source>Recovery Desk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="311"/>
        <source>Recovery Desk (demo: sample data only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="395"/>
        <source>Recovery Desk (demo: sample data only): signed in as %1, a demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kiosk/station.py" line="33"/>
        <source>The kiosk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../app.py" line="228"/>
        <source>Filling the demo with sample data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="235"/>
        <source>The sample data is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="237"/>
        <source>The sample data could not be made; the log file says why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
