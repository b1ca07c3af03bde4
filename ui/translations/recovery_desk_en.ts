<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_US">
<context>
    <name>CaseloadTableModel</name>
    <message numerus="yes">
        <location filename="../models/caseload_table.py" line="46"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoachesPage</name>
    <message numerus="yes">
        <location filename="../pages/coaches/controller.py" line="216"/>
        <source> · %n overdue</source>
        <translation>
            <numerusform> · %n overdue</numerusform>
            <numerusform> · %n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoachesView</name>
    <message numerus="yes">
        <location filename="../pages/coaches/view.py" line="187"/>
        <source>Waitlist (%n)</source>
        <translation>
            <numerusform>Waitlist (%n)</numerusform>
            <numerusform>Waitlist (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message numerus="yes">
        <location filename="../models/directory_table.py" line="94"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/directory_table.py" line="109"/>
        <source>Not verified for more than %n day(s): check before referring.</source>
        <translation>
            <numerusform>Not verified for more than %n day: check before referring.</numerusform>
            <numerusform>Not verified for more than %n days: check before referring.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message numerus="yes">
        <location filename="../pages/referrals/follow_up.py" line="165"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <location filename="../printing/preview.py" line="119"/>
        <source>%n page(s), US Letter</source>
        <translation>
            <numerusform>%n page, US Letter</numerusform>
            <numerusform>%n pages, US Letter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDataRequests</name>
    <message numerus="yes">
        <location filename="../pages/people/data_requests.py" line="126"/>
        <source>The record was removed; %n visit(s) kept as anonymous counts.</source>
        <translation>
            <numerusform>The record was removed; %n visit is kept as an anonymous count.</numerusform>
            <numerusform>The record was removed; %n visits are kept as anonymous counts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonReferralsPanel</name>
    <message numerus="yes">
        <location filename="../pages/people/referrals_panel.py" line="207"/>
        <source>%n service(s) added to the referral.</source>
        <translation>
            <numerusform>%n service added to the referral.</numerusform>
            <numerusform>%n services added to the referral.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceDetailAges</name>
    <message numerus="yes">
        <location filename="../pages/resources/detail_html.py" line="33"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/resources/detail_html.py" line="36"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistTableModel</name>
    <message numerus="yes">
        <location filename="../models/waitlist_table.py" line="60"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
