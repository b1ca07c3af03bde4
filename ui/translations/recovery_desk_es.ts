<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../staff/account_dialog.py" line="43" />
        <source>My account: %1</source>
        <translation>Mi cuenta: %1</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="46" />
        <source>Change your password</source>
        <translation>Cambiar su contraseña</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="47" />
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="48" />
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="49" />
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="50" />
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="53" />
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="54" />
        <source>&amp;New password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="55" />
        <source>New password &amp;again</source>
        <translation>Contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="58" />
        <source>A PIN for your lock screen</source>
        <translation>Un PIN para su pantalla de bloqueo</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="61" />
        <source>4 to 8 digits that unlock your own locked screen, quicker than your password. A PIN never signs anyone in. Leave it empty to remove yours.</source>
        <translation>De 4 a 8 dígitos que desbloquean su propia pantalla, más rápido que la contraseña. Un PIN nunca inicia la sesión de nadie. Déjelo vacío para quitar el suyo.</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="67" />
        <source>Your password, for the PIN</source>
        <translation>Su contraseña, para el PIN</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="68" />
        <location filename="../staff/account_dialog.py" line="89" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="70" />
        <source>Save PIN</source>
        <translation>Guardar PIN</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="74" />
        <source>Your pass&amp;word</source>
        <translation>Su contrase&amp;ña</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="75" />
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="88" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="90" />
        <source>Your &amp;screens</source>
        <translation>&amp;Sus pantallas</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="105" />
        <source>Saved. Text size and contrast are changed; the language from your next sign-in.</source>
        <translation>Guardado. El tamaño del texto y el contraste ya cambiaron; el idioma, desde su próximo inicio de sesión.</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="119" />
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation>Las dos contraseñas nuevas no coinciden. Escriba la misma dos veces.</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="130" />
        <source>Your password is changed.</source>
        <translation>Su contraseña se cambió.</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="148" />
        <source>Your PIN is saved.</source>
        <translation>Su PIN quedó guardado.</translation>
    </message>
    <message>
        <location filename="../staff/account_dialog.py" line="148" />
        <source>Your PIN is removed.</source>
        <translation>Su PIN se quitó.</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="18" />
        <source>first name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="19" />
        <source>last name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="20" />
        <source>name they go by</source>
        <translation>nombre que usa</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="21" />
        <source>nickname</source>
        <translation>apodo</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="22" />
        <source>pronouns</source>
        <translation>pronombres</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="23" />
        <source>peer or family</source>
        <translation>participante o familiar</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="24" />
        <source>birth year</source>
        <translation>año de nacimiento</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="25" />
        <source>birth date</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="26" />
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="27" />
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="28" />
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="29" />
        <source>may we call</source>
        <translation>si podemos llamar</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="30" />
        <source>may we text</source>
        <translation>si podemos mandar mensajes de texto</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="31" />
        <source>may we leave a message</source>
        <translation>si podemos dejar un mensaje</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="32" />
        <source>town</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="33" />
        <source>how they heard of us</source>
        <translation>cómo supo de nosotros</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="34" />
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="35" />
        <source>recovery pathway</source>
        <translation>camino de recuperación</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="36" />
        <source>coach asked for</source>
        <translation>coach que pidió</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="37" />
        <source>coach gender asked for</source>
        <translation>género de coach que pidió</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="38" />
        <source>coach language asked for</source>
        <translation>idioma de coach que pidió</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="39" />
        <source>coach specialties asked for</source>
        <translation>especialidades de coach que pidió</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="42" />
        <source>the center's name</source>
        <translation>el nombre del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="43" />
        <source>the center's street address</source>
        <translation>la dirección del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="44" />
        <source>the center's town line</source>
        <translation>la línea de ciudad del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="45" />
        <source>the center's phone</source>
        <translation>el teléfono del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="46" />
        <source>the center's email</source>
        <translation>el correo electrónico del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="47" />
        <source>the center's time zone</source>
        <translation>la zona horaria del centro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="48" />
        <source>the days after which a resource is flagged as not verified</source>
        <translation>los días tras los que un recurso se marca como no verificado</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="51" />
        <source>the days before a referral is followed up</source>
        <translation>los días antes de dar seguimiento a un referido</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="54" />
        <source>the minutes before an idle station locks</source>
        <translation>los minutos antes de que se bloquee una estación sin uso</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="57" />
        <source>the wrong passwords that lock an account</source>
        <translation>las contraseñas equivocadas que bloquean una cuenta</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="60" />
        <source>the minutes an account stays locked</source>
        <translation>los minutos que una cuenta queda bloqueada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="63" />
        <source>the shortest password allowed</source>
        <translation>la contraseña más corta permitida</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="66" />
        <location filename="../../desk/audit/vocabulary.py" line="69" />
        <source>a referral sheet</source>
        <translation>una hoja de referidos</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="67" />
        <source>a category handout</source>
        <translation>una hoja informativa por categoría</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="68" />
        <source>a consent form</source>
        <translation>un formulario de consentimiento</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="70" />
        <source>a sign-in card</source>
        <translation>una tarjeta de registro</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="71" />
        <source>the week's handout</source>
        <translation>la hoja de la semana</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="74" />
        <source> by card</source>
        <translation> con tarjeta</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="75" />
        <source> at the door (by card, at the kiosk)</source>
        <translation> en la entrada (con tarjeta, en el quiosco)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="78" />
        <source>a new card was printed</source>
        <translation>se imprimió una tarjeta nueva</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="79" />
        <source>reported lost</source>
        <translation>reportada como perdida</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="80" />
        <source>their record was removed</source>
        <translation>su ficha se borró</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="83" />
        <source>connected</source>
        <translation>se conectó</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="84" />
        <source>not connected</source>
        <translation>no se conectó</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="85" />
        <source>outcome unknown</source>
        <translation>resultado desconocido</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="86" />
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="89" />
        <source>a removed person</source>
        <translation>una persona borrada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="90" />
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="91" />
        <source>a former staff member</source>
        <translation>un antiguo miembro del personal</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="92" />
        <source>a staff member</source>
        <translation>un miembro del personal</translation>
    </message>
    <message>
        <location filename="../../desk/audit/vocabulary.py" line="93" />
        <source>an anonymous visitor</source>
        <translation>un visitante anónimo</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="32" />
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="37" />
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="43" />
        <source>another record</source>
        <translation>otra ficha</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="44" />
        <source>record #{number}</source>
        <translation>la ficha n.º {number}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="60" />
        <source>{count} service</source>
        <translation>{count} servicio</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="61" />
        <source>{count} services</source>
        <translation>{count} servicios</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="68" />
        <source>{count} person</source>
        <translation>{count} persona</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="69" />
        <source>{count} people</source>
        <translation>{count} personas</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="76" />
        <source>{count} visit</source>
        <translation>{count} visita</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="77" />
        <source>{count} visits</source>
        <translation>{count} visitas</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="25" />
        <source>Signed in {who}{purposes}{way}</source>
        <translation>Registró la llegada de {who}{purposes}{way}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="91" />
        <source>a group</source>
        <translation>un grupo</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="95" />
        <source>{group} on {day}</source>
        <translation>{group} el {day}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="21" />
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="24" />
        <source>moved to {value}</source>
        <translation>pasada al {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="25" />
        <source>at {value}</source>
        <translation>a las {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="26" />
        <source>in {value}</source>
        <translation>en {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="33" />
        <source>changed</source>
        <translation>cambiada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="35" />
        <source>Changed the meeting of {meeting}: {change}{note}</source>
        <translation>Cambió la reunión de {meeting}: {change}{note}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="38" />
        <source> (“{value}”)</source>
        <translation> (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="101" />
        <source> for {person}</source>
        <translation> para {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="47" />
        <location filename="../../desk/audit/sentences_center.py" line="101" />
        <source> ({services})</source>
        <translation> ({services})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="51" />
        <source>Saved {document} as a PDF{whom}{services}</source>
        <translation>Guardó {document} como PDF{whom}{services}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="57" />
        <source>Printed {document}{whom}{services}{place}</source>
        <translation>Imprimió {document}{whom}{services}{place}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="61" />
        <source> to {printer}</source>
        <translation> en {printer}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="74" />
        <source>the setting {key}</source>
        <translation>el ajuste {key}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="77" />
        <source>Changed {what} from {before} to {after}</source>
        <translation>Cambió {what} de {before} a {after}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="86" />
        <source>an Open Referral (HSDS) directory</source>
        <translation>un directorio de Open Referral (HSDS)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="88" />
        <source>a list of resources</source>
        <translation>una lista de recursos</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="94" />
        <source>Tried to import {kind}; it was refused and nothing changed</source>
        <translation>Intentó importar {kind}; se rechazó y no cambió nada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="106" />
        <source>Imported {kind}{added}</source>
        <translation>Importó {kind}{added}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="107" />
        <source>a period</source>
        <translation>un período</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="110" />
        <source>{first} to {last}</source>
        <translation>{first} a {last}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="116" />
        <source>{field} to {value}</source>
        <translation>{field} a {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="124" />
        <source>Saved {staff}'s account</source>
        <translation>Guardó la cuenta de {staff}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="126" />
        <source>Changed {staff}'s account: {changes}</source>
        <translation>Cambió la cuenta de {staff}: {changes}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="134" />
        <source>Changed {staff}'s screens{language}{size}{contrast}</source>
        <translation>Cambió las pantallas de {staff}{language}{size}{contrast}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="136" />
        <source>: language {value}</source>
        <translation>: idioma {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="137" />
        <source>, text at {value}%</source>
        <translation>, texto al {value} %</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="139" />
        <source>, high contrast</source>
        <translation>, alto contraste</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="34" />
        <source>Made a sign-in card for {person}{name}{old}</source>
        <translation>Hizo una tarjeta de registro para {person}{name}{old}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="37" />
        <source> (with their first name on it)</source>
        <translation> (con su nombre de pila)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="42" />
        <source>; their old card stopped working</source>
        <translation>; su tarjeta anterior dejó de funcionar</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="53" />
        <source>Stopped {person}'s sign-in card working{why}</source>
        <translation>Desactivó la tarjeta de registro de {person}{why}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="328" />
        <location filename="../../desk/audit/sentences_people.py" line="59" />
        <source> ({value})</source>
        <translation> ({value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="68" />
        <source>Refused a scan of {person}'s old sign-in card ({why})</source>
        <translation>Rechazó un escaneo de la tarjeta de registro anterior de {person} ({why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="70" />
        <source>it no longer works</source>
        <translation>ya no funciona</translation>
    </message>
    <message>
        <location filename="../../desk/audit/phrases.py" line="114" />
        <source>a station</source>
        <translation>una estación</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="148" />
        <source>Made an encrypted backup{where}</source>
        <translation>Hizo una copia cifrada{where}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="150" />
        <source>Made a backup{where}</source>
        <translation>Hizo una copia{where}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="153" />
        <source> in {value}</source>
        <translation> en {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="76" />
        <source>Gave a referral sheet{whom} ({services}, with their name)</source>
        <translation>Entregó una hoja de referidos{whom} ({services}, con su nombre)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="78" />
        <source>Gave a referral sheet{whom} ({services})</source>
        <translation>Entregó una hoja de referidos{whom} ({services})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="87" />
        <source>no outcome named</source>
        <translation>sin resultado indicado</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="159" />
        <source>Could not print {document}{whom} ({printer}: {reason})</source>
        <translation>No pudo imprimir {document}{whom} ({printer}: {reason})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="160" />
        <source>a document</source>
        <translation>un documento</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="162" />
        <source>printer</source>
        <translation>impresora</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="163" />
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="92" />
        <source>Added {person} as a new person</source>
        <translation>Agregó a {person} como persona nueva</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="95" />
        <source>Opened {person}'s record</source>
        <translation>Abrió la ficha de {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="98" />
        <source>Changed {person}'s {fields}</source>
        <translation>Cambió datos de {person}: {fields}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="103" />
        <source>Merged {other} into {person}'s record</source>
        <translation>Unió {other} con la ficha de {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="108" />
        <source>Merged {other} into {person}'s record{number}</source>
        <translation>Unió {other} con la ficha de {person}{number}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="111" />
        <source> (record #{value})</source>
        <translation> (ficha n.º {value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="114" />
        <source>Exported everything recorded about {person} ({format})</source>
        <translation>Exportó todo lo anotado sobre {person} ({format})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="191" />
        <location filename="../../desk/audit/sentences_people.py" line="116" />
        <source>a file</source>
        <translation>un archivo</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="119" />
        <source>Removed a person's record (#{number}) at their request; {visits} kept as anonymous counts</source>
        <translation>Borró la ficha de una persona (n.º {number}) a petición suya; {visits} quedan como conteos anónimos</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="130" />
        <source>Started an anonymous visitor's visit with {coach}</source>
        <translation>Empezó la visita de un visitante anónimo con {coach}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="135" />
        <source>Started {person}'s visit with {coach}</source>
        <translation>Empezó la visita de {person} con {coach}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="141" />
        <source>Checked out {person}</source>
        <translation>Registró la salida de {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="144" />
        <source>Put {person} back in the queue (check-out undone)</source>
        <translation>Volvió a poner a {person} en la fila (salida deshecha)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="149" />
        <source>Undid an anonymous visitor's sign-in (why: {why})</source>
        <translation>Deshizo la llegada de un visitante anónimo (motivo: {why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="154" />
        <source>Undid {person}'s sign-in (why: {why})</source>
        <translation>Deshizo la llegada de {person} (motivo: {why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="160" />
        <source>Opened {person}'s coaching record</source>
        <translation>Abrió el acompañamiento de {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="163" />
        <source>Looked at coaches for {person}</source>
        <translation>Buscó coaches para {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="166" />
        <source>Opened {coach}'s caseload ({people})</source>
        <translation>Abrió los casos asignados de {coach} ({people})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="171" />
        <source>Paired {person} with {coach} over the caseload limit</source>
        <translation>Asignó a {person} con {coach} pasando el límite de casos</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="173" />
        <source>Paired {person} with {coach}</source>
        <translation>Asignó a {person} con {coach}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="178" />
        <source>Moved {person} from {before} to {coach} (why: {why})</source>
        <translation>Pasó a {person} de {before} a {coach} (motivo: {why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="185" />
        <source>Gave {coach} a peer over their caseload limit{limit}</source>
        <translation>Le dio a {coach} un participante pasando su límite de casos{limit}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="187" />
        <source> (limit {value})</source>
        <translation> (límite {value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="190" />
        <source>Ended {person}'s coaching with {coach} (why: {why})</source>
        <translation>Terminó el acompañamiento de {person} con {coach} (motivo: {why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="196" />
        <source>Put {person} on the coach waitlist</source>
        <translation>Puso a {person} en la lista de espera de coaches</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="199" />
        <source>Took {person} off the coach waitlist (why: {why})</source>
        <translation>Quitó a {person} de la lista de espera de coaches (motivo: {why})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="204" />
        <source>Changed {person}'s wishes for a coach ({fields})</source>
        <translation>Cambió lo que {person} pide en un coach ({fields})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="209" />
        <source>Logged a coaching contact with {person} ({mode})</source>
        <translation>Anotó un contacto de acompañamiento con {person} ({mode})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="214" />
        <source>Added a recovery goal for {person}</source>
        <translation>Agregó una meta de recuperación para {person}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="217" />
        <source>Changed a recovery goal of {person} ({fields})</source>
        <translation>Cambió una meta de recuperación de {person} ({fields})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="222" />
        <source>Recorded a BARC-10 for {person}{total}</source>
        <translation>Anotó un BARC-10 para {person}{total}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="224" />
        <source> (total {value})</source>
        <translation> (total {value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="227" />
        <source>Added {coach} to the coach roster</source>
        <translation>Agregó a {coach} a la lista de coaches</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="230" />
        <source>Changed {coach}'s coach details ({fields})</source>
        <translation>Cambió los datos de coach de {coach} ({fields})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="235" />
        <source>Made coach {coach} inactive</source>
        <translation>Desactivó a {coach} como coach</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="238" />
        <source>Made coach {coach} active again</source>
        <translation>Volvió a activar a {coach} como coach</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="241" />
        <source>Added the coach specialty {tag}</source>
        <translation>Agregó la especialidad de coach {tag}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="244" />
        <source>Changed the coach specialty {tag}</source>
        <translation>Cambió la especialidad de coach {tag}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="248" />
        <source>Recorded the follow-up of referral #{number}{whom}: {outcome}</source>
        <translation>Anotó el seguimiento del referido n.º {number}{whom}: {outcome}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="256" />
        <source>Could not reach {person} about referral #{number}; to try again{when}</source>
        <translation>No pudo comunicarse con {person} sobre el referido n.º {number}; hay que volver a intentarlo{when}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="261" />
        <source> on {value}</source>
        <translation> el {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="264" />
        <source>Opened the referral follow-up list ({people})</source>
        <translation>Abrió la lista de seguimiento de referidos ({people})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="268" />
        <source>Prepared a consent{whom} to share with {recipient}</source>
        <translation>Preparó un consentimiento{whom} para compartir con {recipient}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="273" />
        <source>Recorded the signed consent{whom}{signed}</source>
        <translation>Anotó el consentimiento firmado{whom}{signed}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="275" />
        <source> (signed {value})</source>
        <translation> (firmado el {value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="278" />
        <source>Recorded that {person} revoked a consent{when}</source>
        <translation>Anotó que {person} revocó un consentimiento{when}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_people.py" line="280" />
        <source> (on {value})</source>
        <translation> (el {value})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="177" />
        <source>Exported the resource directory ({services}, {format})</source>
        <translation>Exportó el directorio de recursos ({services}, {format})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="183" />
        <source>Exported the activity log ({count} event)</source>
        <translation>Exportó el registro de actividad ({count} evento)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="184" />
        <source>Exported the activity log ({count} events)</source>
        <translation>Exportó el registro de actividad ({count} eventos)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="187" />
        <source>Exported the report for {period} ({format})</source>
        <translation>Exportó el informe de {period} ({format})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="195" />
        <source>Exported {visits} for {period}</source>
        <translation>Exportó {visits} de {period}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="198" />
        <source>{count} de-identified visit</source>
        <translation>{count} visita sin datos personales</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="199" />
        <source>{count} de-identified visits</source>
        <translation>{count} visitas sin datos personales</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="204" />
        <source>Changed the resource {service} ({fields})</source>
        <translation>Cambió el recurso {service} ({fields})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="209" />
        <source>Marked the resource {service} as verified</source>
        <translation>Marcó el recurso {service} como verificado</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="218" />
        <source>Added the visit purpose {purpose}</source>
        <translation>Agregó el motivo de visita {purpose}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="222" />
        <source>Changed the visit purpose {purpose}</source>
        <translation>Cambió el motivo de visita {purpose}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="224" />
        <source>Changed the visit purpose {purpose} (switched off)</source>
        <translation>Cambió el motivo de visita {purpose} (desactivado)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="228" />
        <source>Moved the visit purpose {purpose} to place {place}</source>
        <translation>Pasó el motivo de visita {purpose} al lugar {place}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="233" />
        <source>Signed in to Recovery Desk on {station}</source>
        <translation>Inició sesión en Recovery Desk en {station}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="236" />
        <source>Signed out</source>
        <translation>Cerró sesión</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="238" />
        <source>Left the station, which locked itself</source>
        <translation>Dejó la estación, que se bloqueó sola</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="240" />
        <source>Locked the screen</source>
        <translation>Bloqueó la pantalla</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="242" />
        <source>Unlocked the screen</source>
        <translation>Desbloqueó la pantalla</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="244" />
        <source>Account locked after {attempts} wrong passwords in a row</source>
        <translation>Cuenta bloqueada tras {attempts} contraseñas equivocadas seguidas</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="246" />
        <source>too many</source>
        <translation>demasiadas</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="250" />
        <source>Made a staff account for {staff} ({role})</source>
        <translation>Creó una cuenta de personal para {staff} ({role})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="256" />
        <source>Reset {staff}'s password</source>
        <translation>Restableció la contraseña de {staff}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="259" />
        <source>Changed their own password</source>
        <translation>Cambió su propia contraseña</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="262" />
        <source>Set a PIN for their lock screen</source>
        <translation>Fijó un PIN para su pantalla de bloqueo</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="264" />
        <source>Removed their PIN</source>
        <translation>Quitó su PIN</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="269" />
        <source>Could not make a backup{why}</source>
        <translation>No pudo hacer una copia{why}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="270" />
        <source>: {value}</source>
        <translation>: {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="273" />
        <source>Restored the database from the backup {backup}{made}</source>
        <translation>Restauró la base de datos desde la copia {backup}{made}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="275" />
        <source> made {value}</source>
        <translation> hecha el {value}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="277" />
        <source>Set the backup passphrase</source>
        <translation>Fijó la frase de contraseña de las copias</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="279" />
        <source>Changed the backup passphrase</source>
        <translation>Cambió la frase de contraseña de las copias</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="282" />
        <source>Added the group {group}</source>
        <translation>Agregó el grupo {group}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="286" />
        <source>Changed the group {group} ({fields})</source>
        <translation>Cambió el grupo {group} ({fields})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="292" />
        <source>Put the meeting of {meeting} back as the schedule has it</source>
        <translation>Dejó la reunión de {meeting} como dice el horario</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="296" />
        <source>Recorded {person} at {meeting}</source>
        <translation>Anotó a {person} en {meeting}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="301" />
        <source>Took {person} off the attendance of {meeting}</source>
        <translation>Quitó a {person} de la asistencia de {meeting}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="306" />
        <source>Counted {attendees} who did not sign in at {meeting}</source>
        <translation>Contó {attendees} sin registrar en {meeting}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="309" />
        <source>{count} attendee</source>
        <translation>{count} asistente</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="310" />
        <source>{count} attendees</source>
        <translation>{count} asistentes</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="319" />
        <source>Someone at the door asked to be greeted (first time or no card)</source>
        <translation>Alguien en la entrada pidió que lo recibieran (primera vez o sin tarjeta)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="324" />
        <source>Greeted someone who asked at the door</source>
        <translation>Recibió a alguien que preguntó en la entrada</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="327" />
        <source>The kiosk locked itself{why}</source>
        <translation>El quiosco se bloqueó solo{why}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="331" />
        <source>Unlocked the kiosk on {station}</source>
        <translation>Desbloqueó el quiosco en {station}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="335" />
        <source>Closed the kiosk on {station}</source>
        <translation>Cerró el quiosco en {station}</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="338" />
        <source>Opened the activity log</source>
        <translation>Abrió el registro de actividad</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="340" />
        <source>Opened the list behind “{figure}” for {period} ({people} named)</source>
        <translation>Abrió la lista detrás de “{figure}” para {period} ({people} con nombre)</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="344" />
        <source>a figure</source>
        <translation>una cifra</translation>
    </message>
    <message>
        <location filename="../../desk/audit/sentences_center.py" line="350" />
        <source>Added sample data ({people}, {visits})</source>
        <translation>Agregó datos de muestra ({people}, {visits})</translation>
    </message>
    <message>
        <location filename="../../desk/audit/wording.py" line="36" />
        <source>Did something this version cannot name ({action})</source>
        <translation>Hizo algo que esta versión no sabe nombrar ({action})</translation>
    </message>
</context>
<context>
    <name>ActivityFilters</name>
    <message>
        <location filename="../pages/activity/filters.py" line="23" />
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="25" />
        <source>Records opened</source>
        <translation>Fichas abiertas</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="29" />
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="30" />
        <source>Sign-ins and visits</source>
        <translation>Llegadas y visitas</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="31" />
        <source>Coaching</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="32" />
        <source>Referrals and consents</source>
        <translation>Referidos y consentimientos</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="33" />
        <source>Prints and exports</source>
        <translation>Impresiones y exportaciones</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="34" />
        <source>The directory</source>
        <translation>El directorio</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="35" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="36" />
        <source>Staff sign-ins and accounts</source>
        <translation>Sesiones y cuentas del personal</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="49" />
        <source>Staff member</source>
        <translation>Integrante del personal</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="50" />
        <location filename="../pages/activity/filters.py" line="114" />
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="53" />
        <source>Kind of activity</source>
        <translation>Tipo de actividad</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="58" />
        <source>name or record #</source>
        <translation>nombre o n.º de ficha</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="59" />
        <source>Person: a name or a record number</source>
        <translation>Persona: un nombre o un número de ficha</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="62" />
        <source>&amp;Between</source>
        <translation>&amp;Entre</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="72" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="73" />
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="76" />
        <source>Who:</source>
        <translation>Quién:</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="78" />
        <source>What:</source>
        <translation>Qué:</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="80" />
        <source>Person:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <location filename="../pages/activity/filters.py" line="84" />
        <source>and</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../pages/activity/page.py" line="51" />
        <location filename="../pages/activity/page.py" line="97" />
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="55" />
        <source>Every record opened, change, sign-in, print and export, newest first. The log can only grow: nothing in it can be changed or deleted from the app.</source>
        <translation>Cada ficha abierta, cambio, inicio de sesión, impresión y exportación, lo más reciente primero. El registro solo crece: nada de él se puede cambiar ni borrar desde el programa.</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="64" />
        <source>Show older</source>
        <translation>Ver anteriores</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="66" />
        <source>Export to CSV…</source>
        <translation>Exportar a CSV…</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="69" />
        <source>Show older entries</source>
        <translation>Ver entradas anteriores</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="70" />
        <source>Export what is shown to CSV</source>
        <translation>Exportar a CSV lo que se ve</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="79" />
        <source>Activity log</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="140" />
        <source>Nobody on file matches “%1”.</source>
        <translation>Nadie registrado coincide con “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="156" />
        <source>Export the activity log</source>
        <translation>Exportar el registro de actividad</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="156" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/activity/page.py" line="164" />
        <source>Saved the activity log to %1.</source>
        <translation>Registro de actividad guardado en %1.</translation>
    </message>
</context>
<context>
    <name>Anonymous</name>
    <message>
        <location filename="../desk_words.py" line="49" />
        <source>Anonymous (%1)</source>
        <translation>Anónimo (%1)</translation>
    </message>
    <message>
        <location filename="../desk_words.py" line="50" />
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
</context>
<context>
    <name>AssignCoachDialog</name>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="68" />
        <source>Assign coach</source>
        <translation>Asignar coach</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="81" />
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="95" />
        <location filename="../pages/coaches/assign_dialog.py" line="98" />
        <source>no preference</source>
        <translation>sin preferencia</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="106" />
        <source>What they asked for (all optional: their choice comes first)</source>
        <translation>Lo que pidió (todo opcional: su elección va primero)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="108" />
        <source>A coach by name</source>
        <translation>Un coach por nombre</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="110" />
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="112" />
        <source>Speaks</source>
        <translation>Habla</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="115" />
        <source>Knows about</source>
        <translation>Sabe de</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="136" />
        <source>No coach has room right now. Put them on the waitlist (shown on the Coaches page), or assign over a coach's limit with the box below.</source>
        <translation>Ningún coach tiene cupo ahora. Póngala en la lista de espera (en la página Coaches) o asígnela pasando el límite de un coach con la casilla de abajo.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="145" />
        <source>needed to reassign; kept in their history</source>
        <translation>necesario para reasignar; queda en su historial</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="146" />
        <source>Why the change?</source>
        <translation>¿Por qué el cambio?</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="148" />
        <source>Assign over the caseload limit (recorded in the activity log)</source>
        <translation>Asignar pasando el límite de casos (queda en el registro de actividad)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="154" />
        <source>optional note for the waitlist</source>
        <translation>nota opcional para la lista de espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="153" />
        <location filename="../pages/coaches/assign_dialog.py" line="158" />
        <source>Waitlist note</source>
        <translation>Nota de la lista de espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="161" />
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="163" />
        <source>Put on the waitlist</source>
        <translation>Poner en lista de espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="120" />
        <location filename="../pages/coaches/assign_dialog.py" line="175" />
        <source>Coaches, best match first</source>
        <translation>Coaches, la mejor coincidencia primero</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="220" />
        <source>Reassign %1: now with %2 since %3</source>
        <translation>Reasignar a %1: ahora con %2 desde %3</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="227" />
        <source>Assign a coach to %1</source>
        <translation>Asignar coach a %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="247" />
        <source>Their language: %1</source>
        <translation>Su idioma: %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="248" />
        <source>not asked</source>
        <translation>no se preguntó</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="250" />
        <source>Their pathway: %1</source>
        <translation>Su camino de recuperación: %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="250" />
        <source>not said</source>
        <translation>no lo dijo</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="255" />
        <source>On the waitlist since %1</source>
        <translation>En lista de espera desde %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="261" />
        <source>Asked for %1, who is not active now</source>
        <translation>Pidió a %1, que no está activo ahora</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="269" />
        <source>no one in particular</source>
        <translation>nadie en especial</translation>
    </message>
    <message>
        <location filename="../pages/coaches/assign_dialog.py" line="321" />
        <source>There are no active coaches yet. Add them on the Coaches page.</source>
        <translation>Aún no hay coaches activos. Agréguelos en la página Coaches.</translation>
    </message>
</context>
<context>
    <name>AssignmentsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="84" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="84" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="84" />
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="84" />
        <source>Why it ended</source>
        <translation>Por qué terminó</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="92" />
        <source>%1 (over the limit)</source>
        <translation>%1 (pasando el límite)</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="97" />
        <source>now</source>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="53" />
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="76" />
        <source>Space ticks who is there; type to jump to a name. Those who did not sign in are a count, never names.</source>
        <translation>Espacio marca a quien está; escriba para saltar a un nombre. Quienes no registraron su llegada son un número, nunca nombres.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="83" />
        <source>&amp;Meeting</source>
        <translation>&amp;Reunión</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="84" />
        <source>Came without signing &amp;in</source>
        <translation>Vinieron sin &amp;registrarse</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="95" />
        <source>Signed in today:</source>
        <translation>Llegaron hoy:</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="101" />
        <source>No meeting is held today.</source>
        <translation>Hoy no hay reunión.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/attendance_dialog.py" line="180" />
        <source>%1: %2 at the meeting.</source>
        <translation>%1: %2 en la reunión.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/audit_table.py" line="21" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="22" />
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="23" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="24" />
        <source>Whose record</source>
        <translation>Ficha de quién</translation>
    </message>
    <message>
        <location filename="../models/audit_table.py" line="25" />
        <source>Station</source>
        <translation>Estación</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="36" />
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="51" />
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="52" />
        <source>Use the default folder</source>
        <translation>Usar la carpeta predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="53" />
        <source>Set passphrase…</source>
        <translation>Fijar la frase…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="54" />
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="56" />
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="64" />
        <source>Folder for backups</source>
        <translation>Carpeta de las copias</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="68" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="70" />
        <source>Folder (this station)</source>
        <translation>Carpeta (esta estación)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="77" />
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="113" />
        <source>Not set. Backups outside the default folder are encrypted with it, so an admin sets it before choosing another folder.</source>
        <translation>Sin fijar. Las copias fuera de la carpeta predeterminada se cifran con ella, así que un administrador la fija antes de elegir otra carpeta.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="118" />
        <source>Set %1 by %2. Recovery Desk does not keep it: only you do.</source>
        <translation>Fijada %1 por %2. Recovery Desk no la guarda: solo ustedes.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="127" />
        <source>A PostgreSQL database is restored with pg_restore (see the README).</source>
        <translation>Una base de datos PostgreSQL se restaura con pg_restore (vea el README).</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="136" />
        <source>PostgreSQL is backed up on the server with pg_dump; Back up now runs pg_dump here if it is installed.</source>
        <translation>PostgreSQL se respalda en el servidor con pg_dump; Hacer copia ahora ejecuta pg_dump aquí si está instalado.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="139" />
        <source>Not known yet</source>
        <translation>Aún no se sabe</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="152" />
        <source>%1 (the default, beside the database; not encrypted)</source>
        <translation>%1 (la predeterminada, junto a la base de datos; sin cifrar)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="154" />
        <source>%1 (encrypted with the center's backup passphrase)</source>
        <translation>%1 (cifrada con la frase de contraseña de copias del centro)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="169" />
        <source>Backups outside the default folder are encrypted: set the backup passphrase first (an admin does it), then choose the folder again.</source>
        <translation>Las copias fuera de la carpeta predeterminada se cifran: primero fije la frase de contraseña de las copias (lo hace un administrador) y luego vuelva a elegir la carpeta.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backups_panel.py" line="182" />
        <source>The backup passphrase is set. Keep it somewhere safe.</source>
        <translation>La frase de contraseña de las copias está fijada. Guárdela en un lugar seguro.</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="111" />
        <source>Made (center time)</source>
        <translation>Hecha (hora del centro)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="112" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="113" />
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="114" />
        <source>Encrypted</source>
        <translation>Cifrada</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="115" />
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="128" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="128" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../widgets/banner.py" line="15" />
        <source>Dismiss</source>
        <translation>Cerrar aviso</translation>
    </message>
</context>
<context>
    <name>Barc10Dialog</name>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="45" />
        <source>BARC-10 with %1</source>
        <translation>BARC-10 con %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="53" />
        <source>Brief Assessment of Recovery Capital. Read each statement; the peer answers from 1 (strongly disagree) to 6 (strongly agree). They may skip it entirely.</source>
        <translation>Brief Assessment of Recovery Capital (BARC-10). Las frases se leen en inglés: no tenemos una versión validada en español. La persona responde de 1 (muy en desacuerdo) a 6 (muy de acuerdo). Puede no contestarlo.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="80" />
        <source>Statement %1: %2 (%3)</source>
        <translation>Frase %1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="91" />
        <source>optional note</source>
        <translation>nota opcional</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="60" />
        <location filename="../pages/coaches/barc10_dialog.py" line="94" />
        <source>Answered on</source>
        <translation>Respondido el</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="92" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/coaches/barc10_dialog.py" line="125" />
        <source>Total: %1 of %2 (%3 of 10 answered)</source>
        <translation>Total: %1 de %2 (%3 de 10 respondidas)</translation>
    </message>
</context>
<context>
    <name>Barc10TableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="109" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="109" />
        <source>Total (10–60)</source>
        <translation>Total (10–60)</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="109" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="109" />
        <source>Recorded by</source>
        <translation>Anotado por</translation>
    </message>
</context>
<context>
    <name>BasketTableModel</name>
    <message>
        <location filename="../models/basket_table.py" line="19" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="19" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="19" />
        <source>Note for them</source>
        <translation>Nota para la persona</translation>
    </message>
    <message>
        <location filename="../models/basket_table.py" line="53" />
        <source>Double-click to write a note for this service; it prints under it.</source>
        <translation>Doble clic para escribir una nota para este servicio; se imprime debajo.</translation>
    </message>
</context>
<context>
    <name>BuilderView</name>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="40" />
        <source>Choose person…</source>
        <translation>Elegir persona…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="42" />
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="49" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="50" />
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="51" />
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="61" />
        <source>Show their name on the sheet (needs their consent)</source>
        <translation>Poner su nombre en la hoja (necesita su consentimiento)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="65" />
        <source>Off by default. A sheet that names the person tells each provider on it that they came to us: 42 CFR Part 2 needs their signed consent for each one.</source>
        <translation>Desactivado por omisión. Una hoja con el nombre de la persona le dice a cada organización de la hoja que vino con nosotros: 42 CFR parte 2 exige su consentimiento firmado para cada una.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="76" />
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="78" />
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="79" />
        <source>Coach on the sheet:</source>
        <translation>Coach en la hoja:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="84" />
        <source>Services on the sheet</source>
        <translation>Servicios en la hoja</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="98" />
        <source>Add from Resources…</source>
        <translation>Agregar desde Recursos…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="100" />
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="102" />
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="104" />
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="114" />
        <source>Next steps, in their words: “Call Harbor Street at 8 am tomorrow.”</source>
        <translation>Próximos pasos, en sus palabras: “Llamar a Harbor Street mañana a las 8 am.”</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="121" />
        <source>Prepare consent form…</source>
        <translation>Preparar formulario de consentimiento…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="129" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="132" />
        <source>Print to default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="134" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="136" />
        <source>New referral</source>
        <translation>Referido nuevo</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="159" />
        <source>Services, in the order they print</source>
        <translation>Servicios, en el orden en que se imprimen</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder_view.py" line="111" />
        <location filename="../pages/referrals/builder_view.py" line="164" />
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../pages/people/card_dialog.py" line="51" />
        <source>Sign-in card: %1</source>
        <translation>Tarjeta de registro: %1</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="55" />
        <source>Print their first name on it (ask them)</source>
        <translation>Imprimir su nombre en ella (pregúntele)</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="59" />
        <source>The card holds a random code, never a name or record number. Scanned at the desk or the door, it signs them in at once. Printing a new card stops the old one.</source>
        <translation>La tarjeta lleva un código al azar, nunca un nombre ni un número de ficha. Al escanearla en recepción o en la puerta, registra su llegada al instante. Imprimir una tarjeta nueva anula la anterior.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="66" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="68" />
        <source>Print to default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="70" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="72" />
        <source>Card lost: stop it</source>
        <translation>Tarjeta perdida: anularla</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="74" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="123" />
        <source>They have no card that works.</source>
        <translation>No tiene ninguna tarjeta que funcione.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="127" />
        <source>last scanned %1</source>
        <translation>escaneada por última vez %1</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="131" />
        <source>not scanned yet</source>
        <translation>aún sin escanear</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="135" />
        <source>Their card was printed %1 by %2; %3. A new one stops it.</source>
        <translation>Su tarjeta se imprimió %1, por %2; %3. Una nueva la anula.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="190" />
        <source>The card was sent to %1; it works from now on.</source>
        <translation>La tarjeta se envió a %1; funciona desde ahora.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="198" />
        <source>Stop their card</source>
        <translation>Anular su tarjeta</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="199" />
        <source>Stop their card? Once stopped it signs no one in; print a new one for them.</source>
        <translation>¿Anular su tarjeta? Una vez anulada no registra a nadie; imprímale una nueva.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="210" />
        <source>Their card is stopped: a scan of it signs no one in.</source>
        <translation>Su tarjeta está anulada: al escanearla no registra a nadie.</translation>
    </message>
    <message>
        <location filename="../pages/people/card_dialog.py" line="212" />
        <source>They had no card that works.</source>
        <translation>No tenía ninguna tarjeta que funcionara.</translation>
    </message>
</context>
<context>
    <name>CardScans</name>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="70" />
        <source>Reading the card…</source>
        <translation>Leyendo la tarjeta…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="83" />
        <source>Nobody was signed in.</source>
        <translation>No se registró la llegada de nadie.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="95" />
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/card_scans.py" line="98" />
        <source>Card: signed in %1 at %2 (%3).</source>
        <translation>Tarjeta: llegada de %1 registrada a las %2 (%3).</translation>
    </message>
</context>
<context>
    <name>CaseloadChart</name>
    <message>
        <location filename="../widgets/caseload_chart.py" line="37" />
        <source>Caseload chart: active peers against each coach's limit</source>
        <translation>Gráfico de casos: participantes activos frente al límite de cada coach</translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="71" />
        <source>%1: %2 active peers of %3</source>
        <translation>%1: %2 participantes activos de %3</translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="77" />
        <source> (over the limit)</source>
        <translation> (pasando el límite)</translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="79" />
        <source> (inactive: reassign their peers)</source>
        <translation> (inactivo: reasigne a sus participantes)</translation>
    </message>
    <message>
        <location filename="../widgets/caseload_chart.py" line="110" />
        <source>No coaches yet</source>
        <translation>Aún no hay coaches</translation>
    </message>
</context>
<context>
    <name>CaseloadTableModel</name>
    <message>
        <location filename="../models/caseload_table.py" line="22" />
        <source>Peer</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="23" />
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="24" />
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="25" />
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="26" />
        <source>Coached since</source>
        <translation>Con coach desde</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="27" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="28" />
        <source>Open goals</source>
        <translation>Metas abiertas</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="29" />
        <source>BARC-10</source>
        <translation>BARC-10</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/caseload_table.py" line="46" />
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Atrasado %n día</numerusform>
            <numerusform>Atrasado %n días</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="48" />
        <source>Due today</source>
        <translation>Toca hoy</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="49" />
        <source>No contact yet</source>
        <translation>Aún sin contacto</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="50" />
        <source>Planned</source>
        <translation>Planeado</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="51" />
        <source>None planned</source>
        <translation>Nada planeado</translation>
    </message>
    <message>
        <location filename="../models/caseload_table.py" line="78" />
        <source>Assigned over the coach's limit (an override, in the activity log)</source>
        <translation>Asignado pasando el límite del coach (una excepción, en el registro de actividad)</translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../pages/center_settings/controller.py" line="90" />
        <source>Save the center's details</source>
        <translation>Guardar los datos del centro</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="91" />
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="96" />
        <source>Center settings</source>
        <translation>Ajustes del centro</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="143" />
        <source>Your unsaved changes from before are back, but another station has saved settings since: check them before saving.</source>
        <translation>Sus cambios sin guardar de antes volvieron, pero otra estación guardó ajustes mientras tanto: revíselos antes de guardar.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="148" />
        <source>Unsaved changes from before were restored.</source>
        <translation>Se recuperaron cambios sin guardar de antes.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="162" />
        <source>Nothing to save.</source>
        <translation>No hay nada que guardar.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="182" />
        <source>Saved at %1.</source>
        <translation>Guardado a las %1.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="186" />
        <source>Saved at %1. The center's details on every sheet and handout, on every station, are these from now on.</source>
        <translation>Guardado a las %1. Desde ahora, estos son los datos del centro en cada hoja y hoja informativa, en todas las estaciones.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/controller.py" line="201" />
        <source>Not saved: your entries are kept.</source>
        <translation>No se guardó: sus datos se conservan.</translation>
    </message>
</context>
<context>
    <name>CenterSettingsView</name>
    <message>
        <location filename="../pages/center_settings/view.py" line="27" />
        <source>Center name</source>
        <translation>Nombre del centro</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="28" />
        <source>Street address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="29" />
        <source>Town, state and ZIP</source>
        <translation>Ciudad, estado y código postal</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="30" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="31" />
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="32" />
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="33" />
        <source>Flag resources not verified for (days)</source>
        <translation>Marcar recursos sin verificar durante (días)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="34" />
        <source>Follow up on referrals after (days)</source>
        <translation>Seguimiento de referidos después de (días)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="35" />
        <source>Lock a station left idle after (minutes)</source>
        <translation>Bloquear una estación sin uso después de (minutos)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="36" />
        <source>Lock an account after wrong passwords</source>
        <translation>Bloquear una cuenta tras contraseñas equivocadas</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="37" />
        <source>Keep it locked for (minutes)</source>
        <translation>Mantenerla bloqueada durante (minutos)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="38" />
        <source>Shortest password allowed</source>
        <translation>Contraseña más corta permitida</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="39" />
        <source>Daily backups to keep</source>
        <translation>Copias diarias que se guardan</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="40" />
        <source>Monthly backups to keep</source>
        <translation>Copias mensuales que se guardan</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="48" />
        <source>Center settings</source>
        <translation>Ajustes del centro</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="52" />
        <source>These details head every referral sheet and handout. Changes are saved for every station and recorded in the activity log.</source>
        <translation>Estos datos encabezan cada hoja de referidos y hoja informativa. Los cambios se guardan para todas las estaciones y quedan en el registro de actividad.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="59" />
        <source>The center</source>
        <translation>El centro</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="79" />
        <source>Defaults</source>
        <translation>Valores por omisión</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="86" />
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="90" />
        <source>Staff sign-in and locking</source>
        <translation>Inicio de sesión y bloqueo</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="93" />
        <location filename="../pages/center_settings/view.py" line="95" />
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="94" />
        <source> in a row</source>
        <translation> seguidos</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="96" />
        <source> characters</source>
        <translation> caracteres</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="106" />
        <source>Backups to keep</source>
        <translation>Copias de seguridad que se guardan</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="117" />
        <source>The newest backup of each of the last days that have one, and of each of the last months; every backup of the current day is kept.</source>
        <translation>La copia más reciente de cada uno de los últimos días que tienen una, y de cada uno de los últimos meses; se guardan todas las copias del día de hoy.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="125" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/view.py" line="127" />
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="27" />
        <source>Keys: %1</source>
        <translation>Teclas: %1</translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="28" />
        <source>Keys on %1</source>
        <translation>Teclas en %1</translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="32" />
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location filename="../widgets/cheat_sheet.py" line="32" />
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
</context>
<context>
    <name>ChoosePasswordScreen</name>
    <message>
        <location filename="../staff/screens.py" line="348" />
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="348" />
        <source>Save and go on</source>
        <translation>Guardar y seguir</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="352" />
        <source>An admin gave you this password. Choose one only you know: at least as long as the center asks, not a common one, not your name.</source>
        <translation>Un administrador le dio esta contraseña. Elija una que solo usted sepa: al menos tan larga como pide el centro, no una común, no su nombre.</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="358" />
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="359" />
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="360" />
        <source>&amp;New password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="361" />
        <source>New password &amp;again</source>
        <translation>Contraseña nueva &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="379" />
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma dos veces.</translation>
    </message>
</context>
<context>
    <name>CoachChoice</name>
    <message>
        <location filename="../pages/referrals/coach_choice.py" line="67" />
        <source>(none: the center's phone is printed)</source>
        <translation>(ninguno: se imprime el teléfono del centro)</translation>
    </message>
</context>
<context>
    <name>CoachDialog</name>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="73" />
        <source>Edit %1</source>
        <translation>Editar a %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="73" />
        <source>Add a coach</source>
        <translation>Agregar un coach</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="80" />
        <source>printed on handouts, e.g. 774 555 0151</source>
        <translation>se imprime en las hojas, p. ej. 774 555 0151</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="88" />
        <source>optional: the road they walked, in their words</source>
        <translation>opcional: el camino que recorrió, en sus palabras</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="105" />
        <source>e.g. Mon-Fri 9:00-17:00; Sat 10:00-14:00</source>
        <translation>p. ej. Mon-Fri 9:00-17:00; Sat 10:00-14:00</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="109" />
        <source>Active: takes on peers and is suggested</source>
        <translation>Activo: recibe participantes y se sugiere</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="114" />
        <source>Name *</source>
        <translation>Nombre *</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="115" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="116" />
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="117" />
        <source>Recovery pathway</source>
        <translation>Camino de recuperación</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="118" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="119" />
        <source>Specialties</source>
        <translation>Especialidades</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="120" />
        <source>Caseload limit</source>
        <translation>Límite de casos</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="121" />
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="155" />
        <source>Read as: %1</source>
        <translation>Se entiende: %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/coach_dialog.py" line="157" />
        <source>No hours: never shown as on duty.</source>
        <translation>Sin horario: nunca aparece de turno.</translation>
    </message>
</context>
<context>
    <name>CoachPicker</name>
    <message>
        <location filename="../pages/front_desk/coach_picker.py" line="35" />
        <source>Start with a coach</source>
        <translation>Empezar con un coach</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/coach_picker.py" line="59" />
        <source>Who will %1 start with? The best match first; Enter chooses.</source>
        <translation>¿Con quién empieza %1? La mejor coincidencia primero; Enter elige.</translation>
    </message>
</context>
<context>
    <name>CoachesPage</name>
    <message>
        <location filename="../pages/coaches/controller.py" line="117" />
        <source>Open the chosen peer's record</source>
        <translation>Abrir la ficha del participante elegido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="118" />
        <source>Reassign the chosen peer</source>
        <translation>Reasignar al participante elegido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="119" />
        <source>The peer's goals, BARC-10 and contacts</source>
        <translation>Metas, BARC-10 y contactos del participante</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="120" />
        <source>Log a contact with the chosen peer</source>
        <translation>Anotar un contacto con el participante elegido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="123" />
        <source>Assign the waiting peer</source>
        <translation>Asignar a la persona en espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="126" />
        <location filename="../pages/coaches/controller.py" line="331" />
        <source>Remove from the waitlist</source>
        <translation>Quitar de la lista de espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="127" />
        <source>Specialty tags</source>
        <translation>Etiquetas de especialidad</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="128" />
        <source>Edit the chosen coach</source>
        <translation>Editar el coach elegido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="129" />
        <source>Add a coach</source>
        <translation>Agregar un coach</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="130" />
        <source>Privacy: full names or initials</source>
        <translation>Privacidad: nombres completos o iniciales</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="138" />
        <source>Coaches</source>
        <translation>Coaches</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="167" />
        <source>On duty now: %1</source>
        <translation>De turno ahora: %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="169" />
        <source>No coach is on duty now.</source>
        <translation>Ningún coach está de turno ahora.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="173" />
        <source>For admins</source>
        <translation>Para administración</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="210" />
        <source>%1's peers: %2 of %3</source>
        <translation>Participantes de %1: %2 de %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/coaches/controller.py" line="216" />
        <source> · %n overdue</source>
        <translation>
            <numerusform> · %n atrasado</numerusform>
            <numerusform> · %n atrasados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="242" />
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="265" />
        <location filename="../pages/coaches/controller.py" line="283" />
        <location filename="../pages/coaches/controller.py" line="293" />
        <source>Choose a peer in the caseload first.</source>
        <translation>Primero elija un participante de los casos asignados.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="276" />
        <source>Contact with %1 logged.</source>
        <translation>Contacto con %1 anotado.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="307" />
        <source>Assigned to %1.</source>
        <translation>Asignado a %1.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="310" />
        <source>Put on the waitlist.</source>
        <translation>Puesto en la lista de espera.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="320" />
        <location filename="../pages/coaches/controller.py" line="327" />
        <source>Choose someone on the waitlist first.</source>
        <translation>Primero elija a alguien de la lista de espera.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="333" />
        <source>Why does %1 leave the waitlist? (kept in the activity log)</source>
        <translation>¿Por qué %1 sale de la lista de espera? (queda en el registro de actividad)</translation>
    </message>
</context>
<context>
    <name>CoachesView</name>
    <message>
        <location filename="../pages/coaches/view.py" line="60" />
        <source>Coaches</source>
        <translation>Coaches</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="65" />
        <source>Privacy: first name and last initial</source>
        <translation>Privacidad: nombre e inicial del apellido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="82" />
        <source>Add coach…</source>
        <translation>Agregar coach…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="83" />
        <source>Edit coach…</source>
        <translation>Editar coach…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="84" />
        <source>Specialty tags…</source>
        <translation>Etiquetas de especialidad…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="81" />
        <location filename="../pages/coaches/view.py" line="90" />
        <source>Roster</source>
        <translation>Coaches activos</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="114" />
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="115" />
        <source>Assign coach…</source>
        <translation>Asignar coach…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="116" />
        <source>Remove from waitlist…</source>
        <translation>Quitar de la lista de espera…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="119" />
        <source>Active peers against each coach's limit</source>
        <translation>Participantes activos frente al límite de cada coach</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="131" />
        <source>Caseloads</source>
        <translation>Casos</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="137" />
        <source>Choose a coach to see their peers</source>
        <translation>Elija un coach para ver a sus participantes</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="150" />
        <source>The chosen coach's peers</source>
        <translation>Participantes del coach elegido</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="151" />
        <source>Log contact…</source>
        <translation>Anotar contacto…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="152" />
        <source>Goals, BARC-10…</source>
        <translation>Metas, BARC-10…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="154" />
        <source>The peer's coaching: contacts, goals, BARC-10 trend, past coaches</source>
        <translation>El acompañamiento del participante: contactos, metas, evolución del BARC-10, coaches anteriores</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="156" />
        <source>Reassign…</source>
        <translation>Reasignar…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/view.py" line="157" />
        <source>Open record</source>
        <translation>Abrir ficha</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/coaches/view.py" line="187" />
        <source>Waitlist (%n)</source>
        <translation>
            <numerusform>En espera (%n)</numerusform>
            <numerusform>En espera (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Coaching</name>
    <message>
        <location filename="../coaching_words.py" line="35" />
        <source>they asked for this coach by name</source>
        <translation>pidió este coach por su nombre</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="38" />
        <source>a %1, as they asked</source>
        <translation>es %1, como pidió</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="39" />
        <source>speaks %1, as they asked</source>
        <translation>habla %1, como pidió</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="42" />
        <source>shares their pathway (%1)</source>
        <translation>comparte su camino de recuperación (%1)</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="43" />
        <source>speaks their language (%1)</source>
        <translation>habla su idioma (%1)</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="46" />
        <source>knows %1</source>
        <translation>sabe de %1</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="47" />
        <source>plenty of room (%1 of %2 places free)</source>
        <translation>tiene cupo de sobra (%1 de %2 lugares libres)</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="50" />
        <source>on duty now</source>
        <translation>de turno ahora</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="51" />
        <source>has worked with them before</source>
        <translation>ya trabajó con esta persona</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="52" />
        <source>caseload full (%1 of %2): only with an override</source>
        <translation>sin cupo (%1 de %2): solo pasando el límite</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="55" />
        <source>not a %1, which they asked for</source>
        <translation>no es %1, como pidió</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="58" />
        <source>does not speak %1, which they asked for</source>
        <translation>no habla %1, como pidió</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="61" />
        <source>does not speak their language (%1)</source>
        <translation>no habla su idioma (%1)</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="64" />
        <source>not on duty now</source>
        <translation>no está de turno ahora</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="65" />
        <source>their coach now</source>
        <translation>su coach actual</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="82" />
        <source>no particular match</source>
        <translation>ninguna coincidencia especial</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="91" />
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="92" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="93" />
        <source>Text</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="99" />
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="100" />
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="101" />
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="102" />
        <source>Relationships</source>
        <translation>Relaciones</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="103" />
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="104" />
        <source>Recovery</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="110" />
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="111" />
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="112" />
        <source>Achieved</source>
        <translation>Logrado</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="113" />
        <source>On hold</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location filename="../coaching_words.py" line="114" />
        <source>Dropped</source>
        <translation>Abandonado</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="82" />
        <source>Import a list of resources</source>
        <translation>Importar una lista de recursos</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="86" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="87" />
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="88" />
        <source>Street address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="89" />
        <source>City or town</source>
        <translation>Ciudad o pueblo</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="90" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="91" />
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="92" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="93" />
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="94" />
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="95" />
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="96" />
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="97" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="98" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="99" />
        <source>Alert (printed first)</source>
        <translation>Aviso (se imprime primero)</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="100" />
        <source>Notes (added to the description)</source>
        <translation>Notas (se agregan a la descripción)</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="105" />
        <source>%1: %2 rows. Check which column holds what (the first values of each are shown beside it), then Import. Nothing is saved until every row can be imported; what was repaired on the way in is listed below.</source>
        <translation>%1: %2 filas. Revise qué columna tiene qué (al lado se ven sus primeros valores) y luego Importar. No se guarda nada hasta que todas las filas se puedan importar; abajo se lista lo que se arregló al importar.</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="121" />
        <source>(not in this list)</source>
        <translation>(no está en esta lista)</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="173" />
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="176" />
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="217" />
        <source>Not imported: %1</source>
        <translation>No se importa: %1</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="225" />
        <source>Every column with something in it is imported.</source>
        <translation>Se importan todas las columnas que tienen algo.</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="230" />
        <source>Keep “%1” in the description</source>
        <translation>Conservar “%1” en la descripción</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="253" />
        <source>Ready: %1 new, %2 updated. %3 repairs, %4 notes.</source>
        <translation>Listo: %1 nuevos, %2 actualizados. %3 arreglos, %4 notas.</translation>
    </message>
    <message>
        <location filename="../pages/resources/import_dialogs.py" line="255" />
        <source>Nothing can be imported yet: %5 problems to fix in the file.</source>
        <translation>Aún no se puede importar nada: %5 problemas que corregir en el archivo.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="71" />
        <source>Consent to share: %1</source>
        <translation>Consentimiento para compartir: %1</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="80" />
        <source>(another recipient: type below)</source>
        <translation>(otro destinatario: escríbalo abajo)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="85" />
        <source>This program only</source>
        <translation>Solo este programa</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="86" />
        <source>Every program of its organization</source>
        <translation>Todos los programas de la organización</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="97" />
        <source>Valid through</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="100" />
        <source>Active to the end of that day, in the center's time zone.</source>
        <translation>Vigente hasta el final de ese día, en la zona horaria del centro.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="108" />
        <source>or until: “I finish this program”</source>
        <translation>o hasta: “Termine este programa”</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="111" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="112" />
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="119" />
        <source>Provider:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="120" />
        <source>Covers:</source>
        <translation>Cubre:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="121" />
        <source>Who may receive it:</source>
        <translation>Quién puede recibirla:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="122" />
        <source>Who may share it:</source>
        <translation>Quién puede compartirla:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="123" />
        <source>What information:</source>
        <translation>Qué información:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="124" />
        <source>Why:</source>
        <translation>Para qué:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="125" />
        <source>When it ends:</source>
        <translation>Cuándo termina:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="126" />
        <source>Form language:</source>
        <translation>Idioma del formulario:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="133" />
        <source>Save and print the form…</source>
        <translation>Guardar e imprimir el formulario…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="136" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="138" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="146" />
        <source>42 CFR Part 2 §2.31: the printed form carries every element. The consent counts only once the signed form is back: then press “Signed form is back” on their record and enter the date written on it. Signing is the person's choice.</source>
        <translation>42 CFR parte 2 §2.31: el formulario impreso lleva todos los elementos. El consentimiento cuenta solo cuando vuelve el formulario firmado: entonces pulse “Llegó el formulario firmado” en su ficha y escriba la fecha que tiene. Firmar es decisión de la persona.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="234" />
        <source>This recipient is not a program or organization in the directory, so this consent cannot let a referral sheet show their name; it is kept as a record of what they agreed to.</source>
        <translation>Este destinatario no es un programa ni una organización del directorio, así que este consentimiento no permite que una hoja de referidos muestre su nombre; se guarda como constancia de lo que aceptó.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="242" />
        <source>Consent #%1 saved; it counts once the signed form is back.</source>
        <translation>Consentimiento n.º %1 guardado; cuenta cuando vuelva el formulario firmado.</translation>
    </message>
</context>
<context>
    <name>ConsentsTableModel</name>
    <message>
        <location filename="../models/consents_table.py" line="19" />
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="20" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="21" />
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="22" />
        <source>Valid through</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="25" />
        <source>Awaiting signature</source>
        <translation>Esperando firma</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="26" />
        <source>Active</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="27" />
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="28" />
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <location filename="../models/consents_table.py" line="48" />
        <source>revoked %1</source>
        <translation>revocado %1</translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="23" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="24" />
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="25" />
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="26" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="27" />
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="28" />
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="29" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
</context>
<context>
    <name>DataExchange</name>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="47" />
        <source>Import an Open Referral (HSDS 3.0) package</source>
        <translation>Importar un paquete de Open Referral (HSDS 3.0)</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="49" />
        <source>HSDS package or JSON (datapackage.json *.zip *.json)</source>
        <translation>Paquete HSDS o JSON (datapackage.json *.zip *.json)</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="57" />
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="68" />
        <source>Imported %1: %2 new and %3 updated resources. The report lists the rest.</source>
        <translation>Importado %1: %2 recursos nuevos y %3 actualizados. El informe lista el resto.</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="76" />
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="76" />
        <source>Everything was imported.</source>
        <translation>Se importó todo.</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="90" />
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="91" />
        <source>Nothing was imported. Fix these rows in the file, then import again:</source>
        <translation>No se importó nada. Corrija estas filas en el archivo y vuelva a importar:</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="102" />
        <source>Export the directory as Open Referral HSDS 3.0</source>
        <translation>Exportar el directorio como Open Referral HSDS 3.0</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="104" />
        <source>Tabular package (*.zip);;JSON (*.json)</source>
        <translation>Paquete tabular (*.zip);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="120" />
        <source>Exported %1 resources to %2.</source>
        <translation>Se exportaron %1 recursos a %2.</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="135" />
        <source>Import a list of resources</source>
        <translation>Importar una lista de recursos</translation>
    </message>
    <message>
        <location filename="../pages/resources/data_exchange.py" line="137" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../app.py" line="243" />
        <source>Filling the demo with sample data…</source>
        <translation>Llenando la demostración con datos de ejemplo…</translation>
    </message>
    <message>
        <location filename="../app.py" line="250" />
        <source>The sample data is in.</source>
        <translation>Los datos de ejemplo ya están.</translation>
    </message>
    <message>
        <location filename="../app.py" line="252" />
        <source>The sample data could not be made; the log file says why.</source>
        <translation>No se pudieron crear los datos de ejemplo; el archivo de registro dice por qué.</translation>
    </message>
    <message>
        <location filename="../app.py" line="333" />
        <location filename="../start.py" line="110" />
        <source>Recovery Desk (demo: sample data only)</source>
        <translation>Recovery Desk (demostración: solo datos de ejemplo)</translation>
    </message>
    <message>
        <location filename="../app.py" line="226" />
        <source>Recovery Desk (demo: sample data only): signed in as %1, a demo account</source>
        <translation>Recovery Desk (demostración: solo datos de ejemplo): sesión de %1, una cuenta de demostración</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <location filename="../../desk/messages/backup.py" line="9" />
        <source>The backup {name} is damaged or incomplete (it may have been cut short when it was copied).</source>
        <translation>La copia {name} está dañada o incompleta (puede que se cortara al copiarla).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="18" />
        <source>Choose another backup. Nothing was changed.</source>
        <translation>Elija otra copia. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="23" />
        <source>The backup passphrase needs at least {min_passphrase_length} characters.</source>
        <translation>La frase de contraseña de las copias necesita al menos {min_passphrase_length} caracteres.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="30" />
        <source>Several ordinary words in a row make a good one: long is what counts.</source>
        <translation>Varias palabras comunes seguidas hacen una buena frase: lo que cuenta es que sea larga.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="37" />
        <source>{name} was encrypted by a newer Recovery Desk (format {value}).</source>
        <translation>{name} se cifró con un Recovery Desk más nuevo (formato {value}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="44" />
        <source>Restore it with the newer Recovery Desk. Nothing was changed.</source>
        <translation>Restáurela con el Recovery Desk más nuevo. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="49" />
        <source>That passphrase does not open the backup {name}.</source>
        <translation>Esa frase de contraseña no abre la copia {name}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="54" />
        <source>Check the passphrase. A backup made before the passphrase was last changed needs the passphrase of that time. Nothing was changed.</source>
        <translation>Revise la frase. Una copia hecha antes del último cambio de frase necesita la frase de ese momento. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="63" />
        <source>{name} is not an encrypted Recovery Desk backup.</source>
        <translation>{name} no es una copia de seguridad cifrada de Recovery Desk.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="68" />
        <source>Recovery Desk cannot write a backup in {folder}: {value}.</source>
        <translation>Recovery Desk no puede escribir una copia en {folder}: {value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="73" />
        <source>Check the folder, or choose another in Center settings.</source>
        <translation>Revise la carpeta, o elija otra en Ajustes del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="78" />
        <source>The backup folder {folder} cannot be found.</source>
        <translation>No se encuentra la carpeta de copias {folder}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="83" />
        <source>If it is on a USB drive or a network share, plug it in or reconnect it; or choose another folder in Center settings.</source>
        <translation>Si está en una memoria USB o una carpeta de red, conéctela o vuelva a conectarla; o elija otra carpeta en Ajustes del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="92" />
        <source>The backup folder {folder} is read-only: Recovery Desk may not write there.</source>
        <translation>La carpeta de copias {folder} es de solo lectura: Recovery Desk no puede escribir ahí.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="99" />
        <source>Unlock the drive (some USB drives and SD cards have a switch), fix the folder's permissions, or choose another folder in Center settings.</source>
        <translation>Desbloquee la unidad (algunas memorias USB y tarjetas SD tienen un interruptor), arregle los permisos de la carpeta, o elija otra carpeta en Ajustes del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="108" />
        <source>The disk holding the backup folder {folder} is full.</source>
        <translation>El disco de la carpeta de copias {folder} está lleno.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="113" />
        <source>Make room on it (old files other than backups), use a bigger drive, or keep fewer backups in Center settings.</source>
        <translation>Libere espacio (archivos viejos que no sean copias), use una unidad más grande, o guarde menos copias en Ajustes del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="122" />
        <source>Backups outside the default folder are encrypted, and no backup passphrase is set.</source>
        <translation>Las copias fuera de la carpeta predeterminada se cifran, y no hay una frase de contraseña fijada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="130" />
        <source>An admin sets one in Center settings (Backups), or the first `recovery-desk backup --to FOLDER` sets it.</source>
        <translation>Un administrador la fija en Ajustes del centro (Copias de seguridad), o la fija el primer `recovery-desk backup --to FOLDER`.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="139" />
        <source>A database held only in memory cannot be backed up.</source>
        <translation>No se puede respaldar una base de datos que está solo en memoria.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="144" />
        <source>pg_dump, PostgreSQL's backup program, is not on this station's PATH.</source>
        <translation>pg_dump, el programa de copias de PostgreSQL, no está en el PATH de esta estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="151" />
        <source>pg_dump stopped with an error: {said}</source>
        <translation>pg_dump se detuvo con un error: {said}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="156" />
        <source>pg_dump could not finish: {exc}.</source>
        <translation>pg_dump no pudo terminar: {exc}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="161" />
        <source>{name} is not a Recovery Desk backup.</source>
        <translation>{name} no es una copia de seguridad de Recovery Desk.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="166" />
        <source>Choose a file named like recovery-desk-2026-11-28-090215-daily.sqlite3. Nothing was changed.</source>
        <translation>Elija un archivo con un nombre como recovery-desk-2026-11-28-090215-daily.sqlite3. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="175" />
        <source>The database {database_path} is open on another station or in another program, so it cannot be replaced now.</source>
        <translation>La base de datos {database_path} está abierta en otra estación o en otro programa, así que no se puede reemplazar ahora.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="184" />
        <source>Close Recovery Desk on every other station (and any program using the file), then restore again. Nothing was changed.</source>
        <translation>Cierre Recovery Desk en todas las demás estaciones (y cualquier programa que use el archivo), y vuelva a restaurar. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="193" />
        <source>{name} is damaged or incomplete (SQLite says: {problem}).</source>
        <translation>{name} está dañado o incompleto (SQLite dice: {problem}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="198" />
        <source>{name} was made by a newer Recovery Desk (schema {schema}); this version cannot use it.</source>
        <translation>{name} lo hizo un Recovery Desk más nuevo (esquema {schema}); esta versión no puede usarlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="206" />
        <source>Install the newer Recovery Desk on this station, then restore. Nothing was changed.</source>
        <translation>Instale el Recovery Desk más nuevo en esta estación y luego restaure. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="214" />
        <source>{name} is a PostgreSQL backup (pg_dump); it cannot replace a SQLite database.</source>
        <translation>{name} es una copia de PostgreSQL (pg_dump); no puede reemplazar una base de datos SQLite.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="221" />
        <source>Restore it into a PostgreSQL server with pg_restore. Nothing was changed.</source>
        <translation>Restáurela en un servidor PostgreSQL con pg_restore. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="228" />
        <source>{name} is encrypted: its passphrase is needed to restore it.</source>
        <translation>{name} está cifrada: para restaurarla se necesita su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="233" />
        <source>Type the backup passphrase, or set RECOVERY_DESK_BACKUP_PASSPHRASE.</source>
        <translation>Escriba la frase de contraseña de las copias, o fije RECOVERY_DESK_BACKUP_PASSPHRASE.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="240" />
        <source>{path} is a folder, not a backup file.</source>
        <translation>{path} es una carpeta, no un archivo de copia.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="245" />
        <source>The file {path} cannot be read: {value}.</source>
        <translation>No se puede leer el archivo {path}: {value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="250" />
        <source>Check the name, and that the drive holding it is plugged in.</source>
        <translation>Revise el nombre, y que la unidad donde está esté conectada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="255" />
        <source>The copy of the database did not pass SQLite's check ({verdict}).</source>
        <translation>La copia de la base de datos no pasó la revisión de SQLite ({verdict}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="262" />
        <source>The database itself may be damaged: keep the older backups, and run `recovery-desk self-check`.</source>
        <translation>Puede que la base de datos misma esté dañada: guarde las copias anteriores y ejecute `recovery-desk self-check`.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="271" />
        <source>Install the PostgreSQL client tools on this station (pg_dump), or back up on the database server: pg_dump --format=custom --file=recovery-desk.dump {name}</source>
        <translation>Instale las herramientas cliente de PostgreSQL en esta estación (pg_dump), o haga la copia en el servidor de la base de datos: pg_dump --format=custom --file=recovery-desk.dump {name}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/backup.py" line="279" />
        <source>A pg_dump older than the server cannot dump it: install the server's version of the PostgreSQL client tools. {manual}</source>
        <translation>Un pg_dump más viejo que el servidor no puede copiarlo: instale la versión del servidor de las herramientas cliente de PostgreSQL. {manual}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="9" />
        <source>The password is empty.</source>
        <translation>La contraseña está vacía.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="15" />
        <source>The password has {password_count} characters; it needs at least {min_length}.</source>
        <translation>La contraseña tiene {password_count} caracteres; necesita al menos {min_length}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="23" />
        <source>A few unrelated words make a long password that is easy to remember.</source>
        <translation>Unas cuantas palabras sin relación hacen una contraseña larga y fácil de recordar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="31" />
        <source>The password is longer than {max_password_length} characters.</source>
        <translation>La contraseña tiene más de {max_password_length} caracteres.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="37" />
        <source>That password is one of the most common passwords, the first ones anybody tries.</source>
        <translation>Esa contraseña es de las más comunes, las primeras que cualquiera prueba.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="46" />
        <source>Choose another: a few unrelated words work well.</source>
        <translation>Elija otra: unas cuantas palabras sin relación funcionan bien.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="52" />
        <source>The password cannot be your name or username.</source>
        <translation>La contraseña no puede ser su nombre ni su usuario.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="58" />
        <source>A PIN is {start} to {stop} digits.</source>
        <translation>Un PIN tiene de {start} a {stop} dígitos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="64" />
        <source>That PIN is too easy to guess (all one digit, or digits in a row).</source>
        <translation>Ese PIN es muy fácil de adivinar (todo un mismo dígito, o dígitos seguidos).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="9" />
        <source>That is not the center's backup passphrase.</source>
        <translation>Esa no es la frase de contraseña de las copias del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="15" />
        <source>Use the passphrase an admin set (Center settings, Backups), or leave RECOVERY_DESK_BACKUP_PASSPHRASE unset: backups need no passphrase once it is set.</source>
        <translation>Use la frase que fijó un administrador (Ajustes del centro, Copias de seguridad), o deje RECOVERY_DESK_BACKUP_PASSPHRASE sin fijar: una vez fijada, las copias no necesitan la frase.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="26" />
        <source>The meeting of “{name}” on {day:%B} {day_2} was changed on another station since you opened it.</source>
        <translation>La reunión de “{name}” del {day_2} de {day:%B} se cambió en otra estación desde que la abrió.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="36" />
        <source>The dates have been reloaded; check them and try again.</source>
        <translation>Las fechas se volvieron a cargar; revíselas e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="41" />
        <source>There is no group #{group_id}.</source>
        <translation>No existe el grupo n.º {group_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="46" />
        <source>It may have been removed.</source>
        <translation>Puede que se haya borrado.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="52" />
        <source>“{name}” does not meet on {day:%A, %B} {day_2}.</source>
        <translation>“{name}” no se reúne el {day:%A} {day_2} de {day:%B}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="57" />
        <source>The group needs a name.</source>
        <translation>El grupo necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="63" />
        <source>The group ends before it starts.</source>
        <translation>El grupo termina antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="69" />
        <source>A group ends on the day it starts; give an end time after the start.</source>
        <translation>Un grupo termina el mismo día que empieza; ponga una hora de fin después de la de inicio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="77" />
        <source>“{language}” is not a language we list.</source>
        <translation>“{language}” no es un idioma de nuestra lista.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="83" />
        <source>Give both the start and the end time, or neither.</source>
        <translation>Ponga la hora de inicio y la de fin, o ninguna.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="89" />
        <source>Nothing is changed: give a new date, time or room, or cancel the date.</source>
        <translation>No cambia nada: ponga una fecha, hora o salón nuevos, o cancele la fecha.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="97" />
        <source>The facilitator is not an active staff member.</source>
        <translation>Quien lo dirige no es un integrante activo del personal.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="103" />
        <source>A meeting can be moved at most {days} days from its date.</source>
        <translation>Una reunión se puede mover como mucho {days} días de su fecha.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="108" />
        <source>It ends before it starts.</source>
        <translation>Termina antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="114" />
        <source>“{name}” already meets on {moved_to:%A, %B} {day}.</source>
        <translation>“{name}” ya se reúne el {moved_to:%A} {day} de {moved_to:%B}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="120" />
        <source>Cancel this date instead, or choose another day.</source>
        <translation>Mejor cancele esta fecha, o elija otro día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="126" />
        <source>{what} was changed on another station{who} since you opened it{state}.</source>
        <translation>{what} se cambió en otra estación{who} desde que lo abrió{state}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="134" />
        <location filename="../../desk/messages/core.py" line="67" />
        <source>Another station saved this at the same moment, and its change came first.</source>
        <translation>Otra estación guardó esto en el mismo momento, y su cambio llegó primero.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="142" />
        <location filename="../../desk/messages/core.py" line="74" />
        <source>Nothing of yours was saved. Look at the refreshed screen and try again.</source>
        <translation>No se guardó nada suyo. Mire la pantalla actualizada e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="150" />
        <source>“{fmt}” is not a format this export can write.</source>
        <translation>“{fmt}” no es un formato que esta exportación pueda escribir.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="154" />
        <source>Use {allowed}.</source>
        <translation>Use {allowed}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="159" />
        <source>The range ends ({last:%Y-%m-%d}) before it starts ({first:%Y-%m-%d}).</source>
        <translation>El período termina ({last:%Y-%m-%d}) antes de empezar ({first:%Y-%m-%d}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="167" />
        <source>Choose a last day on or after the first.</source>
        <translation>Elija un último día igual o posterior al primero.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="173" />
        <source>A report covers at most ten years.</source>
        <translation>Un informe cubre como mucho diez años.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="178" />
        <source>Choose a shorter range.</source>
        <translation>Elija un período más corto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="184" />
        <source>There is no list behind “{key}”.</source>
        <translation>No hay una lista detrás de “{key}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="190" />
        <source>Choose the first and last day of the range.</source>
        <translation>Elija el primer y el último día del período.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="196" />
        <source>“{text}” is not a time zone name.</source>
        <translation>“{text}” no es el nombre de una zona horaria.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="202" />
        <source>Use a name such as America/New_York.</source>
        <translation>Use un nombre como America/New_York.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="207" />
        <source>The center needs a name.</source>
        <translation>El centro necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="213" />
        <source>{label} must be between {minimum} and {maximum}.</source>
        <translation>{label} debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="219" />
        <source>There is no setting called “{key}”.</source>
        <translation>No hay ningún ajuste llamado “{key}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="225" />
        <source>“{label}” was changed on another station since you opened the settings.</source>
        <translation>“{label}” se cambió en otra estación desde que abrió los ajustes.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="233" />
        <source>Your entries are still on screen. Press Reload: the settings come back as they are now, with your entries on top; check them, then save.</source>
        <translation>Sus datos siguen en pantalla. Pulse Volver a cargar: los ajustes vuelven como están ahora, con sus datos encima; revíselos y luego guarde.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="243" />
        <location filename="../../desk/messages/directory.py" line="123" />
        <source>{label} must be a whole number.</source>
        <translation>{label} debe ser un número entero.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="72" />
        <source>Give the staff member's name.</source>
        <translation>Escriba el nombre del integrante del personal.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="77" />
        <source>Give a username.</source>
        <translation>Escriba un usuario.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="83" />
        <source>A username has at most {max_login_length} characters; this one has {cleaned_count}.</source>
        <translation>Un usuario tiene como mucho {max_login_length} caracteres; este tiene {cleaned_count}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="92" />
        <source>A username uses only letters a-z, digits, dots, dashes and underscores, and starts with a letter or digit.</source>
        <translation>Un usuario usa solo letras a-z, dígitos, puntos, guiones y guiones bajos, y empieza con una letra o un dígito.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="102" />
        <source>For example rosa.delgado</source>
        <translation>Por ejemplo rosa.delgado</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="108" />
        <source>The username “{cleaned}” is taken.</source>
        <translation>El usuario “{cleaned}” ya está en uso.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="114" />
        <source>This database already has an admin.</source>
        <translation>Esta base de datos ya tiene un administrador.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="120" />
        <source>Sign in, and ask an admin to make your account.</source>
        <translation>Inicie sesión, y pida a un administrador que le cree su cuenta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="126" />
        <source>That staff account no longer exists.</source>
        <translation>Esa cuenta del personal ya no existe.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="132" />
        <source>{display_name} is the only admin who can sign in.</source>
        <translation>{display_name} es el único administrador que puede iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="138" />
        <source>Make another admin first, so that somebody can still manage accounts.</source>
        <translation>Primero cree otro administrador, para que alguien pueda seguir manejando las cuentas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="146" />
        <source>The built-in accounts cannot be changed.</source>
        <translation>Las cuentas integradas no se pueden cambiar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="152" />
        <source>The built-in accounts have no password.</source>
        <translation>Las cuentas integradas no tienen contraseña.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="158" />
        <source>Your current password is not right.</source>
        <translation>Su contraseña actual no es correcta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="162" />
        <source>Try again.</source>
        <translation>Intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="167" />
        <source>The new password is the same as the old one.</source>
        <translation>La contraseña nueva es igual a la anterior.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="173" />
        <source>That username and password do not match.</source>
        <translation>Ese usuario y esa contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="179" />
        <source>Check the username and Caps Lock, then try again. An admin can reset a forgotten password.</source>
        <translation>Revise el usuario y las mayúsculas (Bloq Mayús) e intente de nuevo. Un administrador puede restablecer una contraseña olvidada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="189" />
        <source>The account “{login}” is switched off.</source>
        <translation>La cuenta “{login}” está desactivada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="195" />
        <source>Ask an admin to switch it back on.</source>
        <translation>Pida a un administrador que la vuelva a activar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="247" />
        <source>The group “{name}”</source>
        <translation>El grupo “{name}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="251" />
        <source>The meeting of {day:%B} {day_2}</source>
        <translation>La reunión del {day_2} de {day:%B}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="200" />
        <source>{display_name}'s account</source>
        <translation>La cuenta de {display_name}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="257" />
        <source>Your entries are still on screen. Press Reload: the record comes back as it is now, with your entries on top; check them, then save.</source>
        <translation>Sus datos siguen en pantalla. Pulse Volver a cargar: la ficha vuelve como está ahora, con sus datos encima; revíselos y luego guarde.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="265" />
        <source> by {name}</source>
        <translation> por {name}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/center.py" line="268" />
        <source> ({now})</source>
        <translation> ({now})</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="206" />
        <source>Too many wrong passwords: this account is locked until {when}.</source>
        <translation>Demasiadas contraseñas equivocadas: esta cuenta está bloqueada hasta las {when}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="214" />
        <source>Try again then, or ask an admin to reset the password. Another staff member can sign in meanwhile.</source>
        <translation>Intente de nuevo entonces, o pida a un administrador que restablezca la contraseña. Mientras tanto, otra persona del personal puede iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="224" />
        <source>The screens come in English (en) or Spanish (es), not “{language}”.</source>
        <translation>Las pantallas vienen en inglés (en) o español (es), no en “{language}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/staff.py" line="232" />
        <source>Text comes at 100%, 125% or 150%, not {scale}%.</source>
        <translation>El texto viene al 100 %, 125 % o 150 %, no al {scale} %.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="9" />
        <source>Weekday {weekday} does not exist (0 is Monday, 6 is Sunday).</source>
        <translation>El día {weekday} no existe (0 es lunes, 6 es domingo).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="14" />
        <source>{day_names} {starts_at}–{ends_at} ends before it starts.</source>
        <translation>{day_names} {starts_at}–{ends_at} termina antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="19" />
        <source>Write the start first (9:00-17:00). A shift past midnight is two windows: one until 23:59, one from 0:00 the next day.</source>
        <translation>Escriba primero el inicio (9:00-17:00). Un turno que pasa la medianoche son dos tramos: uno hasta las 23:59 y otro desde las 0:00 del día siguiente.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="27" />
        <source>{text} overlaps {text_2}.</source>
        <translation>{text} se cruza con {text_2}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="32" />
        <source>Join the two into one window, or change the times so one ends before the next begins.</source>
        <translation>Junte los dos en un solo tramo, o cambie las horas para que uno termine antes de que empiece el otro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="40" />
        <source>“{strip}” is not a weekly time the desk can read ({exc}).</source>
        <translation>“{strip}” no es un horario semanal que el programa pueda leer ({exc}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="45" />
        <source>Write days and times, such as “Mon-Fri 9:00-17:00; Sat 10:00-14:00”.</source>
        <translation>Escriba días y horas, como “Mon-Fri 9:00-17:00; Sat 10:00-14:00”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="52" />
        <source>The BARC-10 has {items_count} statements; {scores_count} answers were given.</source>
        <translation>El BARC-10 tiene {items_count} frases; se dieron {scores_count} respuestas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="59" />
        <source>Statement {number} has no answer yet.</source>
        <translation>La frase {number} aún no tiene respuesta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="64" />
        <source>Every statement needs an answer from 1 (strongly disagree) to 6 (strongly agree); the peer may also stop and record it another day.</source>
        <translation>Cada frase necesita una respuesta de 1 (muy en desacuerdo) a 6 (muy de acuerdo); la persona también puede parar y anotarlo otro día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="73" />
        <source>Statement {number}: {score!r} is not an answer from 1 to 6.</source>
        <translation>Frase {number}: {score!r} no es una respuesta de 1 a 6.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="78" />
        <source>{first_name}'s coaching was ended on another station a moment ago.</source>
        <translation>El acompañamiento de {first_name} se terminó en otra estación hace un momento.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="85" />
        <source>The window now shows that they have no coach. Choose again if still needed.</source>
        <translation>La ventana ahora muestra que no tiene coach. Elija de nuevo si todavía hace falta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="92" />
        <source>{first_name} was just assigned to {coach_name} on another station.</source>
        <translation>A {first_name} le acaban de asignar a {coach_name} en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="99" />
        <source>The window now shows their current coach. Reassign if a change is still needed.</source>
        <translation>La ventana ahora muestra su coach actual. Reasigne si todavía hace falta un cambio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="107" />
        <source>That coach is no longer on the roster.</source>
        <translation>Ese coach ya no está en la lista.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="112" />
        <source>{display_name} is not active on the roster, so cannot take on peers.</source>
        <translation>{display_name} no está activo en la lista de coaches, así que no puede recibir participantes.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="119" />
        <source>Choose an active coach, or ask an admin to make them active again.</source>
        <translation>Elija un coach activo, o pida a un administrador que lo vuelva a activar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="126" />
        <source>{display_name} is already {first_name}'s coach.</source>
        <translation>{display_name} ya es coach de {first_name}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="131" />
        <source>{display_name} has {peers} of {limit} peers: the caseload is full.</source>
        <translation>{display_name} tiene {peers} de {limit} participantes: ya no tiene cupo para más casos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="138" />
        <source>Choose a coach with room, put {first_name} on the waitlist, or tick “Assign over the limit” (the override is recorded).</source>
        <translation>Elija un coach con cupo, ponga a {first_name} en la lista de espera, o marque “Asignar pasando el límite” (la excepción queda anotada).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="147" />
        <source>That assignment is no longer there.</source>
        <translation>Esa asignación ya no existe.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="152" />
        <source>This coaching was already ended on another station.</source>
        <translation>Este acompañamiento ya se terminó en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="157" />
        <source>The window now shows the current state.</source>
        <translation>La ventana ahora muestra cómo está.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="162" />
        <source>{first_name} was just given a coach on another station.</source>
        <translation>A {first_name} le acaban de dar un coach en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="167" />
        <source>Close the window and look again before choosing.</source>
        <translation>Cierre la ventana y vuelva a mirar antes de elegir.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="172" />
        <source>Give the day the peer answered (today or earlier).</source>
        <translation>Ponga el día en que la persona respondió (hoy o antes).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="177" />
        <location filename="../../desk/messages/people.py" line="216" />
        <location filename="../../desk/messages/referrals.py" line="65" />
        <source>There is no person #{person_id}.</source>
        <translation>No existe la persona n.º {person_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="182" />
        <source>This record was merged into person #{merged_into_id}.</source>
        <translation>Esta ficha se unió a la persona n.º {merged_into_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="187" />
        <source>Assign a coach from that record instead.</source>
        <translation>Asigne el coach desde esa ficha.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="192" />
        <source>“{unknown}” is not a specialty in the center's list.</source>
        <translation>“{unknown}” no es una especialidad de la lista del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="197" />
        <source>The coach asked for is not on the roster.</source>
        <translation>El coach que pidió no está en la lista.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="202" />
        <source>Set a caseload limit between 1 and {caseload_max}.</source>
        <translation>Ponga un límite de casos entre 1 y {caseload_max}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="207" />
        <source>It is the most peers this coach works with at once.</source>
        <translation>Es el máximo de participantes con que este coach trabaja a la vez.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="212" />
        <source>“{text}” is not a language code.</source>
        <translation>“{text}” no es un código de idioma.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="217" />
        <source>Use the two-letter code: en, es, pt, vi, pl, …</source>
        <translation>Use el código de dos letras: en, es, pt, vi, pl, …</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="222" />
        <source>“{code}” is not a specialty in the center's list.</source>
        <translation>“{code}” no es una especialidad de la lista del centro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="227" />
        <source>Add it to the list first (Specialty tags…).</source>
        <translation>Primero agréguela a la lista (Etiquetas de especialidad…).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="231" />
        <source>The coach needs a name.</source>
        <translation>El coach necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="236" />
        <source>{display_name} still has {peers} active peer{value}.</source>
        <translation>{display_name} todavía tiene {peers} participante{value} activo{value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="241" />
        <source>Reassign them (Coaches page, their caseload) before making the coach inactive.</source>
        <translation>Reasígnelos (página Coaches, sus casos) antes de desactivar al coach.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="249" />
        <source>This peer is in another coach's caseload, so their coaching notes are not yours to read or add to.</source>
        <translation>Este participante está en los casos de otro coach, así que sus notas de acompañamiento no son suyas para leer ni agregar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="258" />
        <source>Their coach can add it, or an admin can let you see every caseload's notes.</source>
        <translation>Su coach puede agregarlo, o un administrador puede dejarle ver las notas de todos los casos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="265" />
        <source>Give the date of the contact.</source>
        <translation>Ponga la fecha del contacto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="270" />
        <source>The contact date {contact_on} is in the future.</source>
        <translation>La fecha del contacto {contact_on} está en el futuro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="275" />
        <source>Log a contact once it happened; put a coming one in “Follow up on”.</source>
        <translation>Anote un contacto cuando ya pasó; ponga uno que viene en “Seguimiento el”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="282" />
        <source>The contact date {contact_on} is too long ago.</source>
        <translation>La fecha del contacto {contact_on} es de hace demasiado tiempo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="287" />
        <source>Choose in person, phone or text.</source>
        <translation>Elija en persona, teléfono o mensaje de texto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="292" />
        <source>{minutes} minutes cannot be right (0 to {minutes_max}).</source>
        <translation>{minutes} minutos no puede ser correcto (de 0 a {minutes_max}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="297" />
        <source>{first_name} has no coach, so the contact has no one to belong to.</source>
        <translation>{first_name} no tiene coach, así que el contacto no tiene a quién pertenecer.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="304" />
        <source>Assign a coach first, or say which coach made the contact.</source>
        <translation>Primero asigne un coach, o diga qué coach hizo el contacto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="309" />
        <source>Choose the coach who made the contact.</source>
        <translation>Elija el coach que hizo el contacto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="314" />
        <source>The follow-up date is before the contact.</source>
        <translation>La fecha de seguimiento es anterior al contacto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="319" />
        <source>Choose a day after the contact, or leave it empty.</source>
        <translation>Elija un día después del contacto, o déjelo vacío.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="324" />
        <source>The follow-up date is more than a year after the contact.</source>
        <translation>La fecha de seguimiento es más de un año después del contacto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="328" />
        <source>Check the year.</source>
        <translation>Revise el año.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="333" />
        <source>Write the goal in a few words, as the peer says it.</source>
        <translation>Escriba la meta en pocas palabras, como la dice la persona.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="338" />
        <source>For example: “Find a sober house in Worcester”.</source>
        <translation>Por ejemplo: “Encontrar una vivienda sobria en Worcester”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="343" />
        <source>Choose the area of life the goal is in.</source>
        <translation>Elija el área de la vida en que está la meta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="348" />
        <source>That goal is no longer there.</source>
        <translation>Esa meta ya no existe.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="353" />
        <source>The specialty needs a name.</source>
        <translation>La especialidad necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="358" />
        <source>“{name}” is already in the list.</source>
        <translation>“{name}” ya está en la lista.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="363" />
        <source>There is no specialty “{code}”.</source>
        <translation>No existe la especialidad “{code}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="368" />
        <source>Your entries are still on screen. Close and open the coach again to see the other change, then make yours.</source>
        <translation>Sus datos siguen en pantalla. Cierre y vuelva a abrir el coach para ver el otro cambio, y luego haga el suyo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="375" />
        <source>“{label}”</source>
        <translation>“{label}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="379" />
        <source>Your entry is still on screen. Reopen the list, then save again.</source>
        <translation>Su dato sigue en pantalla. Vuelva a abrir la lista y guarde de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="384" />
        <source>{first_name}'s record</source>
        <translation>La ficha de {first_name}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="388" />
        <source>What you chose is still on screen. Close and reopen the window, then try again.</source>
        <translation>Lo que eligió sigue en pantalla. Cierre y vuelva a abrir la ventana, e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="394" />
        <source>The goal “{title}”</source>
        <translation>La meta “{title}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="397" />
        <source>it is now {status}</source>
        <translation>ahora está {status}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="402" />
        <source>The list has been refreshed; make your change again if still needed.</source>
        <translation>La lista se actualizó; haga su cambio otra vez si todavía hace falta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="409" />
        <source>Say briefly why the coach changes; it stays in their history.</source>
        <translation>Diga brevemente por qué cambia el coach; queda en su historial.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/coaching.py" line="413" />
        <source>Say briefly why the coaching ends; it stays in their history.</source>
        <translation>Diga brevemente por qué termina el acompañamiento; queda en su historial.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="9" />
        <source>Your role ({role_words}) may not {value}.</source>
        <translation>Su función ({role_words}) no permite {value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="14" />
        <source>Ask an admin to do it, or to change your role.</source>
        <translation>Pida a un administrador que lo haga, o que cambie su función.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="19" />
        <source>{path} could not be written: {value}.</source>
        <translation>No se pudo escribir {path}: {value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="24" />
        <source>Nothing was changed. Check that the folder exists, can be written to, and that the disk has room.</source>
        <translation>No se cambió nada. Revise que la carpeta exista, que se pueda escribir en ella y que el disco tenga espacio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="33" />
        <source>Recovery Desk works with SQLite or PostgreSQL, not “{get_backend_name}”.</source>
        <translation>Recovery Desk funciona con SQLite o PostgreSQL, no con “{get_backend_name}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="40" />
        <source>Use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user:password@host/database.</source>
        <translation>Use sqlite:///path/to/file.sqlite3 o postgresql+psycopg://user:password@host/database.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="48" />
        <source>“{text}” is not a database address.</source>
        <translation>“{text}” no es una dirección de base de datos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="53" />
        <source>Recovery Desk cannot write to the folder {folder} ({value}).</source>
        <translation>Recovery Desk no puede escribir en la carpeta {folder} ({value}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="58" />
        <source>Make the folder writable, or choose another database with --database or RECOVERY_DESK_DATABASE_URL.</source>
        <translation>Permita escribir en la carpeta, o elija otra base de datos con --database o RECOVERY_DESK_DATABASE_URL.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="81" />
        <source>Another station has just done the same thing, so this was not saved twice.</source>
        <translation>Otra estación acaba de hacer lo mismo, así que esto no se guardó dos veces.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="88" />
        <source>Look at the refreshed screen: it is already there.</source>
        <translation>Mire la pantalla actualizada: ya está ahí.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="93" />
        <source>The file{place} is not a Recovery Desk database (SQLite says: {reason}).</source>
        <translation>El archivo{place} no es una base de datos de Recovery Desk (SQLite dice: {reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="100" />
        <source>Choose the right file with --database, or move this one aside.</source>
        <translation>Elija el archivo correcto con --database, o mueva este a otro lugar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="107" />
        <source>The database{place} can only be read, not written: {reason}.</source>
        <translation>La base de datos{place} solo se puede leer, no escribir: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="112" />
        <source>Check the permissions of the database file and its folder.</source>
        <translation>Revise los permisos del archivo de la base de datos y de su carpeta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="117" />
        <source>The database file{place} cannot be opened or created: {reason}.</source>
        <translation>El archivo de la base de datos{place} no se puede abrir ni crear: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="124" />
        <source>Check that its folder exists and can be written, or choose another with --database.</source>
        <translation>Revise que su carpeta exista y que se pueda escribir en ella, o elija otra con --database.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="132" />
        <source>The database{place} did not answer in time: another station may be holding what this needed, or the network is very slow.</source>
        <translation>La base de datos{place} no respondió a tiempo: puede que otra estación tenga tomado lo que se necesitaba, o la red está muy lenta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="141" />
        <source>Nothing was saved. Try again in a moment.</source>
        <translation>No se guardó nada. Intente de nuevo en un momento.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="146" />
        <source>The disk that holds the database{place} is full.</source>
        <translation>El disco de la base de datos{place} está lleno.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="151" />
        <source>Nothing was saved. Free some space on that disk (or ask whoever looks after this computer), then save again.</source>
        <translation>No se guardó nada. Libere espacio en ese disco (o pídalo a quien cuida esta computadora) y vuelva a guardar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="160" />
        <source>The database{place} is busy: another station or program holds a lock.</source>
        <translation>La base de datos{place} está ocupada: otra estación o programa tiene un bloqueo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="167" />
        <source>Wait a moment and try again.</source>
        <translation>Espere un momento e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="172" />
        <source>The database{place} cannot be reached: {reason}.</source>
        <translation>No se puede llegar a la base de datos{place}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="177" />
        <source>The database server{place} refused the password for this user ({reason}).</source>
        <translation>El servidor de la base de datos{place} rechazó la contraseña de este usuario ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="184" />
        <source>The database server{place} asks for a password, and none was given.</source>
        <translation>El servidor de la base de datos{place} pide una contraseña, y no se dio ninguna.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="191" />
        <source>The database server{place} does not know this user ({reason}).</source>
        <translation>El servidor de la base de datos{place} no conoce a este usuario ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="198" />
        <source>Check the user name in the database address with whoever runs the server.</source>
        <translation>Revise el usuario de la dirección de la base de datos con quien maneja el servidor.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="205" />
        <source>The database server{place} has no such database ({reason}).</source>
        <translation>El servidor de la base de datos{place} no tiene esa base de datos ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="210" />
        <source>Check the database name at the end of the address, or create it (see Several stations in the README).</source>
        <translation>Revise el nombre de la base de datos al final de la dirección, o créela (vea Several stations en el README).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="219" />
        <source>The database server{place} does not let this user in from here ({reason}).</source>
        <translation>El servidor de la base de datos{place} no deja entrar a este usuario desde aquí ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="226" />
        <source>Whoever runs the server must allow this station (pg_hba.conf) or this user.</source>
        <translation>Quien maneja el servidor debe permitir esta estación (pg_hba.conf) o este usuario.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="233" />
        <source>{description} was upgraded by a newer Recovery Desk (schema {current}); this version knows schemas up to {head}.</source>
        <translation>{description} se actualizó con un Recovery Desk más nuevo (esquema {current}); esta versión conoce esquemas hasta {head}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="242" />
        <source>Install the newer Recovery Desk on this station. Nothing was changed.</source>
        <translation>Instale el Recovery Desk más nuevo en esta estación. No se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="249" />
        <source>{description} holds tables but no Recovery Desk schema version.</source>
        <translation>{description} tiene tablas pero ninguna versión de esquema de Recovery Desk.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="256" />
        <source>Point Recovery Desk at an empty database or one it created.</source>
        <translation>Conecte Recovery Desk a una base de datos vacía o a una que él mismo creó.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="261" />
        <source>{label} is {text_count:,} characters long; the most it can hold is {max_length:,}.</source>
        <translation>{label} tiene {text_count:,} caracteres; lo máximo que cabe es {max_length:,}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="269" />
        <source>Shorten it, or put the rest in the note.</source>
        <translation>Acórtelo, o ponga el resto en la nota.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="274" />
        <source>“{text}” does not look like an email address.</source>
        <translation>“{text}” no parece un correo electrónico.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="279" />
        <source>An email address looks like name@example.org.</source>
        <translation>Un correo electrónico se ve así: nombre@example.org.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="284" />
        <source>“{text}” is not a phone number we can dial.</source>
        <translation>“{text}” no es un número de teléfono al que se pueda llamar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="289" />
        <location filename="../../desk/messages/directory.py" line="140" />
        <source>Type ten digits for a US number, such as 508 555 0142, or +country code.</source>
        <translation>Escriba diez dígitos para un número de EE. UU., como 508 555 0142, o +código de país.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="296" />
        <source>A birth year of {year} cannot be right: it must be between {earliest_birth_year} and {year_2}.</source>
        <translation>Un año de nacimiento {year} no puede ser correcto: debe estar entre {earliest_birth_year} y {year_2}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="305" />
        <source>Leave it empty if the person would rather not say.</source>
        <translation>Déjelo vacío si la persona prefiere no decirlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="310" />
        <source>The birth date {value:%B} {day}, {year} is in the future.</source>
        <translation>La fecha de nacimiento {day} de {value:%B} de {year} está en el futuro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="315" />
        <source>Check the year, or leave it empty.</source>
        <translation>Revise el año, o déjelo vacío.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="320" />
        <source>The birth date {value} is before {earliest_birth_year}.</source>
        <translation>La fecha de nacimiento {value} es anterior a {earliest_birth_year}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="325" />
        <source>“{strip}” is not a web address.</source>
        <translation>“{strip}” no es una dirección web.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="330" />
        <source>{label} looks like https://example.org/page.</source>
        <translation>{label} se ve así: https://example.org/page.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="335" />
        <source>The extension “{extension}” is longer than {extension_max} digits.</source>
        <translation>La extensión “{extension}” tiene más de {extension_max} dígitos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="342" />
        <source>Check the extension, or put it in the note.</source>
        <translation>Revise la extensión, o póngala en la nota.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="347" />
        <source>That did not finish: something went wrong that Recovery Desk did not expect.</source>
        <translation>Eso no terminó: pasó algo que Recovery Desk no esperaba.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="354" />
        <source>Nothing was saved by it. Try again; the details are in the log file.</source>
        <translation>No se guardó nada de eso. Intente de nuevo; los detalles están en el archivo de registro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="361" />
        <source>What was done is kept on this station, and is recorded as soon as the database is back (also if Recovery Desk is closed meanwhile).</source>
        <translation>Lo que se hizo se guarda en esta estación, y se anota en cuanto vuelva la base de datos (también si Recovery Desk se cierra mientras tanto).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="370" />
        <source>The account of {display_name} is switched off, so nothing was done.</source>
        <translation>La cuenta de {display_name} está desactivada, así que no se hizo nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/core.py" line="377" />
        <source>What you typed is still on screen. Ask an admin, or let a colleague sign in.</source>
        <translation>Lo que escribió sigue en pantalla. Pregunte a un administrador, o deje que un compañero inicie sesión.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="9" />
        <source>That resource is no longer in the directory.</source>
        <translation>Ese recurso ya no está en el directorio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="14" />
        <source>It may have been removed on another station; search again.</source>
        <translation>Puede que se haya borrado en otra estación; busque de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="19" />
        <source>The extension “{extension}” should be digits only.</source>
        <translation>La extensión “{extension}” debe tener solo dígitos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="24" />
        <source>A resource needs a name.</source>
        <translation>Un recurso necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="28" />
        <source>“{status}” is not a status.</source>
        <translation>“{status}” no es un estado.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="32" />
        <source>Choose one of: {statuses}.</source>
        <translation>Elija uno de: {statuses}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="37" />
        <source>{available} free out of {total} cannot be right.</source>
        <translation>{available} libres de {total} no puede ser correcto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="42" />
        <source>Check the free and total counts.</source>
        <translation>Revise los números de libres y de total.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="47" />
        <source>There is no category “{code}”.</source>
        <translation>No existe la categoría “{code}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="52" />
        <source>“{typed}” is not a language the desk knows.</source>
        <translation>“{typed}” no es un idioma que el programa conozca.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="57" />
        <source>Type a code such as pt or ht, or a name such as Portuguese.</source>
        <translation>Escriba un código como pt o ht, o un nombre como Portuguese.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="62" />
        <source>“{text}” is not a time of day.</source>
        <translation>“{text}” no es una hora del día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="67" />
        <source>“{start_text}-{end_text}” opens and closes at the same time.</source>
        <translation>“{start_text}-{end_text}” abre y cierra a la misma hora.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="72" />
        <source>“{value}” is not yes or no.</source>
        <translation>“{value}” no es sí o no.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="77" />
        <source>{label} “{strip}” is not a time of day.</source>
        <translation>{label} “{strip}” no es una hora del día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="82" />
        <source>Type it like 08:30, 17:00 or 5 pm.</source>
        <translation>Escríbala como 08:30, 17:00 o 5 pm.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="87" />
        <source>Say which days it is open.</source>
        <translation>Diga qué días está abierto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="92" />
        <source>For example MO,TU,WE,TH,FR.</source>
        <translation>Por ejemplo MO,TU,WE,TH,FR.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="97" />
        <source>It opens and closes at the same time ({opens:%H:%M}).</source>
        <translation>Abre y cierra a la misma hora ({opens:%H:%M}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="102" />
        <source>For a service open around the clock, use 00:00 to 23:59; a time before the opening time means it closes after midnight.</source>
        <translation>Para un servicio abierto todo el día, use 00:00 a 23:59; una hora de cierre anterior a la de apertura quiere decir que cierra después de medianoche.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="111" />
        <source>{label} cannot be below zero.</source>
        <translation>{label} no puede ser menor que cero.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="114" />
        <source>Days: {error}.</source>
        <translation>Días: {error}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="118" />
        <source>Separate days with commas: MO,TU,WE.</source>
        <translation>Separe los días con comas: MO,TU,WE.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="128" />
        <source>ZIP code “{strip}” is not a ZIP code (5 digits, or ZIP+4 such as 01608-1234).</source>
        <translation>El código postal “{strip}” no es válido (5 dígitos, o ZIP+4 como 01608-1234).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="135" />
        <source>“{strip}” is not a phone number we can dial.</source>
        <translation>“{strip}” no es un número de teléfono al que se pueda llamar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="147" />
        <source>The extension of “{strip}” is too long.</source>
        <translation>La extensión de “{strip}” es demasiado larga.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="152" />
        <source>The list holds no resources to import.</source>
        <translation>La lista no tiene recursos para importar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="157" />
        <source>The mapping names fields Recovery Desk does not know: {unknown}.</source>
        <translation>La correspondencia nombra campos que Recovery Desk no conoce: {unknown}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="163" />
        <source>Use these: {fields}.</source>
        <translation>Use estos: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="168" />
        <source>The list has no column {missing}.</source>
        <translation>La lista no tiene la columna {missing}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="173" />
        <source>Its columns are: {header}.</source>
        <translation>Sus columnas son: {header}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="178" />
        <source>The column {twice} is chosen for two fields.</source>
        <translation>La columna {twice} está elegida para dos campos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="183" />
        <source>Give each field its own column.</source>
        <translation>Dé a cada campo su propia columna.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="188" />
        <source>No column holds the resources' names.</source>
        <translation>Ninguna columna tiene los nombres de los recursos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="193" />
        <source>Choose the column with each resource's name.</source>
        <translation>Elija la columna con el nombre de cada recurso.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="198" />
        <source>The mapping file must be one JSON object of field names to column headings.</source>
        <translation>El archivo de correspondencia debe ser un solo objeto JSON de nombres de campo a títulos de columna.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="205" />
        <source>For example {{"name": "Program", "phone": "Tel."}}.</source>
        <translation>Por ejemplo {{"name": "Program", "phone": "Tel."}}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="210" />
        <source>The mapping file {path} cannot be read ({strerror}).</source>
        <translation>No se puede leer el archivo de correspondencia {path} ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="215" />
        <source>The mapping file {path} is not valid JSON ({error}).</source>
        <translation>El archivo de correspondencia {path} no es JSON válido ({error}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="220" />
        <source>No row of headings was found in the first rows of the list.</source>
        <translation>No se encontró una fila de títulos en las primeras filas de la lista.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="225" />
        <source>Put one row of column names (Name, Address, City, Phone, ...) above the resources.</source>
        <translation>Ponga una fila con los nombres de las columnas (Name, Address, City, Phone, ...) encima de los recursos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="233" />
        <source>{name} is not a text file (it holds binary data).</source>
        <translation>{name} no es un archivo de texto (tiene datos binarios).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="238" />
        <source>Save the list as CSV or as an Excel .xlsx workbook.</source>
        <translation>Guarde la lista como CSV o como libro de Excel .xlsx.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="243" />
        <source>{name} unpacks to {unpacked}; the most Recovery Desk reads is {max_package_bytes}.</source>
        <translation>{name} ocupa {unpacked} al descomprimirse; lo máximo que Recovery Desk lee es {max_package_bytes}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="251" />
        <source>Split the list into smaller files, and import each part.</source>
        <translation>Divida la lista en archivos más chicos e importe cada parte.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="256" />
        <source>{name} has no sheet to read.</source>
        <translation>{name} no tiene ninguna hoja para leer.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="260" />
        <source>{name} is empty.</source>
        <translation>{name} está vacío.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="265" />
        <location filename="../../desk/messages/imports.py" line="149" />
        <source>{name} is not valid CSV near line {line_num}: {error}.</source>
        <translation>{name} no es un CSV válido cerca de la línea {line_num}: {error}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="270" />
        <source>Check for a quote that is opened and never closed, then save it again.</source>
        <translation>Busque unas comillas que se abren y nunca se cierran, y vuelva a guardarlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="277" />
        <source>{name} is not an Excel workbook (it is empty, damaged, or another kind of file).</source>
        <translation>{name} no es un libro de Excel (está vacío, dañado, o es otro tipo de archivo).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="285" />
        <source>Open it in Excel or LibreOffice and save it as .xlsx or CSV.</source>
        <translation>Ábralo en Excel o LibreOffice y guárdelo como .xlsx o CSV.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="290" />
        <source>{name} could not be read as an Excel workbook ({name_2}: {error}).</source>
        <translation>{name} no se pudo leer como libro de Excel ({name_2}: {error}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="297" />
        <source>The row of headings (row {header_line}) has merged cells ({cells}, “{text}”), so its columns cannot be told apart.</source>
        <translation>La fila de títulos (fila {header_line}) tiene celdas combinadas ({cells}, “{text}”), así que no se pueden distinguir sus columnas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="306" />
        <source>Unmerge those cells and give each column its own heading, then import again.</source>
        <translation>Separe esas celdas y dé a cada columna su propio título, y vuelva a importar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="313" />
        <source>{name} is an old Excel 97-2003 workbook.</source>
        <translation>{name} es un libro viejo de Excel 97-2003.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="318" />
        <source>{name} is not a CSV file or an Excel .xlsx workbook.</source>
        <translation>{name} no es un archivo CSV ni un libro de Excel .xlsx.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="321" />
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/directory.py" line="325" />
        <source>Your entries are still on screen. Reload it to see the other change, then save again.</source>
        <translation>Sus datos siguen en pantalla. Vuelva a cargarlo para ver el otro cambio, y guarde otra vez.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="9" />
        <source>That group does not meet on that day.</source>
        <translation>Ese grupo no se reúne ese día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="13" />
        <source>Choose one of today's.</source>
        <translation>Elija uno de los de hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="18" />
        <source>“{name}” is cancelled on {held_on:%A, %B} {day}{why}: nobody can be recorded at it.</source>
        <translation>“{name}” está cancelado el {held_on:%A} {day} de {held_on:%B}{why}: no se puede anotar a nadie en él.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="26" />
        <source>Choose another meeting, or sign them in without one.</source>
        <translation>Elija otra reunión, o registre su llegada sin ninguna.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="31" />
        <source>The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation>La regla necesita FREQ=DAILY, WEEKLY, MONTHLY o YEARLY.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="36" />
        <source>A group meets on days: not every hour or minute.</source>
        <translation>Un grupo se reúne por días: no cada hora ni cada minuto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="41" />
        <source>A rule ends either after a number of meetings (COUNT) or on a date (UNTIL).</source>
        <translation>Una regla termina o después de un número de reuniones (COUNT) o en una fecha (UNTIL).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="48" />
        <source>WKST={wkst} is not a day (MO, TU, WE, TH, FR, SA, SU).</source>
        <translation>WKST={wkst} no es un día (MO, TU, WE, TH, FR, SA, SU).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="53" />
        <source>UNTIL={until} is not a date written YYYYMMDD.</source>
        <translation>UNTIL={until} no es una fecha escrita AAAAMMDD.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="58" />
        <source>A date after {last_year} in a group's schedule is surely a slip.</source>
        <translation>Una fecha después de {last_year} en el calendario de un grupo seguro es un error.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="65" />
        <source>Check the first date and the end date (UNTIL).</source>
        <translation>Revise la primera fecha y la fecha de fin (UNTIL).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="70" />
        <source>The rule ends (UNTIL {until:%Y-%m-%d}) before the first date ({starts_on}).</source>
        <translation>La regla termina (UNTIL {until:%Y-%m-%d}) antes de la primera fecha ({starts_on}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="77" />
        <source>Choose a later end, or an earlier first date.</source>
        <translation>Elija un fin más tarde, o una primera fecha más temprana.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="82" />
        <source>This rule never falls on a date (February has no 30th, a month no 6th Monday, …).</source>
        <translation>Esta regla nunca cae en una fecha (febrero no tiene día 30, ningún mes tiene 6.º lunes, …).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="90" />
        <source>Check the days and months it names.</source>
        <translation>Revise los días y meses que nombra.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="95" />
        <source>The first meeting by this rule would be on {first:%Y-%m-%d}, years away.</source>
        <translation>La primera reunión según esta regla sería el {first:%Y-%m-%d}, dentro de años.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="102" />
        <source>Check the days and months it names, and the first date.</source>
        <translation>Revise los días y meses que nombra, y la primera fecha.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="107" />
        <source>Choose at least one day of the week.</source>
        <translation>Elija al menos un día de la semana.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="112" />
        <source>Choose which week of the month (first, second, …, last).</source>
        <translation>Elija qué semana del mes (primera, segunda, …, última).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="117" />
        <source>“{piece}” is not a part of a rule (it should read NAME=VALUE).</source>
        <translation>“{piece}” no es parte de una regla (debería decir NOMBRE=VALOR).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="124" />
        <source>A group's rule cannot use {name}.</source>
        <translation>La regla de un grupo no puede usar {name}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="129" />
        <source>Use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL.</source>
        <translation>Use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT o UNTIL.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="136" />
        <source>{name} is given twice in the rule.</source>
        <translation>{name} aparece dos veces en la regla.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="141" />
        <source>{name}={value}: {item} is out of range ({low} to {high}).</source>
        <translation>{name}={value}: {item} está fuera del rango ({low} a {high}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="146" />
        <source>BYSETPOS (the last weekday, say) needs a monthly or yearly rule.</source>
        <translation>BYSETPOS (el último día hábil, por ejemplo) necesita una regla mensual o anual.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="153" />
        <source>BYDAY: “{item}” is not a day.</source>
        <translation>BYDAY: “{item}” no es un día.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="158" />
        <source>Use MO, TU, WE, TH, FR, SA, SU; 1MO is the first Monday of the month, -1FR the last Friday.</source>
        <translation>Use MO, TU, WE, TH, FR, SA, SU; 1MO es el primer lunes del mes, -1FR el último viernes.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="167" />
        <source>BYDAY={item}: a numbered day (the first Monday, say) needs a monthly rule.</source>
        <translation>BYDAY={item}: un día numerado (el primer lunes, por ejemplo) necesita una regla mensual.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="174" />
        <source>BYDAY={item}: there is no such day in a {where}.</source>
        <translation>BYDAY={item}: no existe ese día en un {where}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="179" />
        <source>{name}={value}: “{item}” is not a whole number.</source>
        <translation>{name}={value}: “{item}” no es un número entero.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="183" />
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <location filename="../../desk/messages/groups.py" line="184" />
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="9" />
        <source>The export could not be written to {path}: {value}.</source>
        <translation>No se pudo escribir la exportación en {path}: {value}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="14" />
        <source>Choose a folder you may write to, with free space.</source>
        <translation>Elija una carpeta donde pueda escribir, con espacio libre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="19" />
        <source>{path} is a file; a tabular package is a folder or a .zip.</source>
        <translation>{path} es un archivo; un paquete tabular es una carpeta o un .zip.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="24" />
        <source>Choose a folder, or a name ending in .zip.</source>
        <translation>Elija una carpeta, o un nombre que termine en .zip.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="29" />
        <source>“{fmt}” is not an export format.</source>
        <translation>“{fmt}” no es un formato de exportación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="33" />
        <source>Use csv or json.</source>
        <translation>Use csv o json.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="38" />
        <source>{name} is {size}; the largest {what} Recovery Desk imports is {limit}.</source>
        <translation>{name} ocupa {size}; lo más grande que Recovery Desk importa como {what} es {limit}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="45" />
        <source>{path} is a folder, not a file.</source>
        <translation>{path} es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="50" />
        <source>{path} is not a regular file.</source>
        <translation>{path} no es un archivo normal.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="55" />
        <source>The package names a file outside its own folder (“{name}”); it was not opened.</source>
        <translation>El paquete nombra un archivo fuera de su propia carpeta (“{name}”); no se abrió.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="63" />
        <source>Ask the sender for a package whose files all sit inside it.</source>
        <translation>Pida a quien lo envió un paquete con todos sus archivos adentro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="68" />
        <source>{name} is not a CSV file: it holds binary data (a NUL byte on line {line}).</source>
        <translation>{name} no es un archivo CSV: tiene datos binarios (un byte NUL en la línea {line}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="75" />
        <source>Export the table again as CSV.</source>
        <translation>Vuelva a exportar la tabla como CSV.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="80" />
        <source>{name} is empty: it has no header row.</source>
        <translation>{name} está vacío: no tiene fila de títulos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="85" />
        <source>{name} has a column with no name (column {blanks}).</source>
        <translation>{name} tiene una columna sin nombre (columna {blanks}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="89" />
        <source>There is no file {path}.</source>
        <translation>No existe el archivo {path}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="94" />
        <source>{path} cannot be opened ({strerror}).</source>
        <translation>No se puede abrir {path} ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="99" />
        <source>{path} cannot be read ({strerror}).</source>
        <translation>No se puede leer {path} ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="104" />
        <source>There is no file or folder {path}.</source>
        <translation>No existe el archivo ni la carpeta {path}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="109" />
        <source>{name} unpacks to {total}; the most Recovery Desk imports at once is {max_package_bytes}.</source>
        <translation>{name} ocupa {total} al descomprimirse; lo máximo que Recovery Desk importa de una vez es {max_package_bytes}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="116" />
        <source>Split the package.</source>
        <translation>Divida el paquete.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="121" />
        <source>The package has no file {name}.</source>
        <translation>El paquete no tiene el archivo {name}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="126" />
        <source>{name} declares the encoding “{encoding}”, which is unknown.</source>
        <translation>{name} declara la codificación “{encoding}”, que no se conoce.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="131" />
        <source>{name} is not UTF-8 text (byte 0x{data:02X} on line {line}). It is probably saved in the Windows-1252 (ANSI) encoding.</source>
        <translation>{name} no es texto UTF-8 (byte 0x{data:02X} en la línea {line}). Probablemente está guardado en la codificación Windows-1252 (ANSI).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="140" />
        <source>Save it again as “CSV UTF-8”, or add "encoding": "windows-1252" to its resource in datapackage.json, then import again.</source>
        <translation>Vuelva a guardarlo como “CSV UTF-8”, o agregue "encoding": "windows-1252" a su recurso en datapackage.json, y vuelva a importar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="154" />
        <source>Check for a quote that is opened and never closed, then export it again.</source>
        <translation>Busque unas comillas que se abren y nunca se cierran, y vuelva a exportarlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="161" />
        <source>{name} has two columns named “{cell}”.</source>
        <translation>{name} tiene dos columnas llamadas “{cell}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="166" />
        <source>{name} is neither a folder nor a .zip file.</source>
        <translation>{name} no es una carpeta ni un archivo .zip.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="171" />
        <source>Choose the folder holding datapackage.json, or a .zip of it.</source>
        <translation>Elija la carpeta que tiene datapackage.json, o un .zip de ella.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="176" />
        <source>{name} is a damaged .zip file ({error}).</source>
        <translation>{name} es un archivo .zip dañado ({error}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="181" />
        <source>Ask the sender for the package again.</source>
        <translation>Pida el paquete otra vez a quien lo envió.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="186" />
        <source>The zip file holds a link (“{filename}”), which could point outside it; it was not opened.</source>
        <translation>El archivo zip tiene un enlace (“{filename}”), que podría apuntar afuera; no se abrió.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="195" />
        <source>Ask the sender for a zip of plain files.</source>
        <translation>Pida a quien lo envió un zip de archivos simples.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="200" />
        <source>{name} cannot be unpacked from {name_2} ({error}).</source>
        <translation>No se puede extraer {name} de {name_2} ({error}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="205" />
        <source>Ask the sender for a plain .zip (no password, usual compression).</source>
        <translation>Pida a quien lo envió un .zip simple (sin contraseña, compresión normal).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="212" />
        <source>“{name}” is a link to {target}, which is not a file; it was not opened.</source>
        <translation>“{name}” es un enlace a {target}, que no es un archivo; no se abrió.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="219" />
        <source>{name} cannot be read ({strerror}).</source>
        <translation>No se puede leer {name} ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="222" />
        <source>JSON file</source>
        <translation>archivo JSON</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="223" />
        <source>list</source>
        <translation>lista</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="224" />
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="227" />
        <source>Split the package into smaller ones (fewer services in each), and import each.</source>
        <translation>Divida el paquete en otros más chicos (menos servicios en cada uno) e importe cada uno.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="234" />
        <source>Split the list into smaller files, or remove columns you do not need, and import each part.</source>
        <translation>Divida la lista en archivos más chicos, o quite las columnas que no necesite, e importe cada parte.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="242" />
        <source>Split its services into smaller files, or export the directory as a tabular package (.zip) instead, and import that.</source>
        <translation>Divida sus servicios en archivos más chicos, o exporte el directorio como paquete tabular (.zip), e importe eso.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="251" />
        <source>Nothing was imported from {source}: {count:,} problem found.</source>
        <translation>No se importó nada de {source}: se encontró {count:,} problema.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="255" />
        <source>Nothing was imported from {source}: {count:,} problems found.</source>
        <translation>No se importó nada de {source}: se encontraron {count:,} problemas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/imports.py" line="259" />
        <source>Fix the rows listed in the report and import again.</source>
        <translation>Corrija las filas que lista el informe y vuelva a importar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="9" />
        <source>That barcode is not a Recovery Desk card, so nobody was signed in.</source>
        <translation>Ese código de barras no es una tarjeta de Recovery Desk, así que no se registró la llegada de nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="16" />
        <source>Scan the person's sign-in card, or type their name.</source>
        <translation>Escanee la tarjeta de registro de la persona, o escriba su nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="21" />
        <source>This card is not known here (never printed, or printed for another database): nobody was signed in.</source>
        <translation>Esta tarjeta no se conoce aquí (nunca se imprimió, o se imprimió para otra base de datos): no se registró la llegada de nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="30" />
        <source>Sign them in by name, and print them a new card if they wish.</source>
        <translation>Registre su llegada por nombre, e imprímale una tarjeta nueva si quiere.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="35" />
        <source>The card was not read completely, so nobody was signed in.</source>
        <translation>La tarjeta no se leyó completa, así que no se registró la llegada de nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="40" />
        <source>Scan it again, holding it still.</source>
        <translation>Escanéela de nuevo, sin moverla.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="45" />
        <source>The card was read wrongly, so nobody was signed in.</source>
        <translation>La tarjeta se leyó mal, así que no se registró la llegada de nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="50" />
        <source>Scan it again; if it keeps failing, sign them in by name and print a new card.</source>
        <translation>Escanéela de nuevo; si sigue fallando, registre su llegada por nombre e imprima una tarjeta nueva.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="58" />
        <source>{value} is already signed in today.</source>
        <translation>{value} ya registró su llegada hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="63" />
        <source>They are in today's queue; nothing was changed.</source>
        <translation>Está en la fila de hoy; no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="68" />
        <source>The built-in command-line account is missing.</source>
        <translation>Falta la cuenta integrada de la línea de comandos.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="73" />
        <source>Run `recovery-desk db upgrade` to create it.</source>
        <translation>Ejecute `recovery-desk db upgrade` para crearla.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="77" />
        <source>“{name}” is not held today.</source>
        <translation>“{name}” no se reúne hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="82" />
        <source>Choose one of today's meetings.</source>
        <translation>Elija una de las reuniones de hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="87" />
        <source>{anonymous_count} anonymous attendees cannot be right (0 to {most_anonymous}).</source>
        <translation>{anonymous_count} asistentes anónimos no puede ser correcto (0 a {most_anonymous}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="95" />
        <source>Someone on the list is no longer signed in that day (their sign-in was undone).</source>
        <translation>Alguien de la lista ya no tiene su llegada registrada ese día (se deshizo su llegada).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="103" />
        <source>The list has been reloaded; tick them again if needed.</source>
        <translation>La lista se volvió a cargar; márquelos otra vez si hace falta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="108" />
        <source>That is not a card made by Recovery Desk.</source>
        <translation>Esa no es una tarjeta hecha por Recovery Desk.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="113" />
        <source>Choose at least one purpose for the visit.</source>
        <translation>Elija al menos un motivo para la visita.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="118" />
        <source>That visit is no longer in the queue.</source>
        <translation>Esa visita ya no está en la fila.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="123" />
        <source>Choose an active recovery coach.</source>
        <translation>Elija un coach de recuperación activo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="128" />
        <source>Only someone who is waiting can start with a coach.</source>
        <translation>Solo quien está esperando puede empezar con un coach.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="133" />
        <source>This visit has already ended.</source>
        <translation>Esta visita ya terminó.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="138" />
        <source>This visitor is not checked out.</source>
        <translation>Este visitante no tiene la salida registrada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="143" />
        <source>A check-out can be undone only within a minute.</source>
        <translation>Una salida solo se puede deshacer durante un minuto.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="148" />
        <source>If they are still here, sign them in again.</source>
        <translation>Si todavía está aquí, registre su llegada otra vez.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="153" />
        <source>Say briefly why the sign-in is withdrawn.</source>
        <translation>Diga brevemente por qué se retira la llegada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="158" />
        <source>This sign-in was already withdrawn.</source>
        <translation>Esta llegada ya se retiró.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="163" />
        <source>“{code}” is not a visit purpose in use.</source>
        <translation>“{code}” no es un motivo de visita en uso.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="168" />
        <source>{first_name} is already signed in today.</source>
        <translation>{first_name} ya registró su llegada hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="173" />
        <source>They are highlighted in today's queue; check them out there before a new visit.</source>
        <translation>Su visita está resaltada en la fila de hoy; registre su salida ahí antes de una visita nueva.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="181" />
        <source>The coach asked for is not an active recovery coach.</source>
        <translation>El coach que pidió no es un coach de recuperación activo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="186" />
        <source>They have been signed in again since; nothing was changed.</source>
        <translation>Se registró su llegada otra vez mientras tanto; no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="191" />
        <source>{label}: a count of {quantity} cannot be right (0 to {max_items}).</source>
        <translation>{label}: una cantidad de {quantity} no puede ser correcta (0 a {max_items}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="198" />
        <source>The built-in kiosk account is missing or switched off.</source>
        <translation>Falta la cuenta integrada del quiosco, o está desactivada.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="202" />
        <source>Choose why you came today.</source>
        <translation>Elija por qué vino hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="207" />
        <source>Only an admin can unlock or close the kiosk.</source>
        <translation>Solo un administrador puede desbloquear o cerrar el quiosco.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="212" />
        <source>You are signed in already today.</source>
        <translation>Su llegada ya está registrada hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="221" />
        <source>They may have been removed.</source>
        <translation>Puede que se haya borrado.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="226" />
        <source>Record #{person_id} was removed at the person's request.</source>
        <translation>La ficha n.º {person_id} se borró a pedido de la persona.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="231" />
        <source>Nothing about them is kept; if they come back, add them as someone new.</source>
        <translation>No se guarda nada de ella; si vuelve, agréguela como alguien nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="238" />
        <source>This record (#{person_id}) was merged into another record of the same person, #{merged_into_id}.</source>
        <translation>Esta ficha (n.º {person_id}) se unió a otra ficha de la misma persona, n.º {merged_into_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="247" />
        <source>Use that one (or search for them by name): the whole history is there.</source>
        <translation>Use esa (o búsquela por nombre): todo el historial está ahí.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="254" />
        <source>A record cannot be merged into itself.</source>
        <translation>Una ficha no se puede unir consigo misma.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="259" />
        <source>Both records have an active coach.</source>
        <translation>Las dos fichas tienen un coach activo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="264" />
        <source>End one of the two assignments first (from the person's coaching panel).</source>
        <translation>Primero termine una de las dos asignaciones (desde el panel de acompañamiento de la persona).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="271" />
        <source>{first_name}'s record changed on another station since you compared them.</source>
        <translation>La ficha de {first_name} cambió en otra estación desde que las comparó.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="278" />
        <source>Compare the two records again, then merge.</source>
        <translation>Vuelva a comparar las dos fichas, y luego únalas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="283" />
        <source>Type the person's first name, exactly as on their record, to confirm.</source>
        <translation>Escriba el nombre de la persona, tal como está en su ficha, para confirmar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="290" />
        <source>“{value}” is not a birth year or date.</source>
        <translation>“{value}” no es un año ni una fecha de nacimiento.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="295" />
        <source>Type a year such as 1985, or a date such as 3/14/1985; or leave it empty.</source>
        <translation>Escriba un año como 1985, o una fecha como 3/14/1985; o déjelo vacío.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="302" />
        <source>A first name or initials is needed, and nothing else is.</source>
        <translation>Hace falta un nombre o las iniciales, y nada más.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="307" />
        <source>Initials are fine if that is all the person wants to give.</source>
        <translation>Las iniciales bastan si es todo lo que la persona quiere dar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="312" />
        <source>“{value}” is not peer or family.</source>
        <translation>“{value}” no es participante ni familiar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="316" />
        <source>A purpose needs a name.</source>
        <translation>Un motivo necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="320" />
        <source>There is no purpose “{code}”.</source>
        <translation>No existe el motivo “{code}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="325" />
        <source>At most {max_active} purposes can be in use (one for each of Ctrl+1 to Ctrl+{max_active}).</source>
        <translation>Como mucho puede haber {max_active} motivos en uso (uno para cada tecla de Ctrl+1 a Ctrl+{max_active}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="334" />
        <source>Switch another one off first.</source>
        <translation>Primero desactive otro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="339" />
        <source>{first_name} already has a coach: {coach}.</source>
        <translation>{first_name} ya tiene coach: {coach}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="344" />
        <source>Reassign them instead if they need another coach.</source>
        <translation>Si necesita otro coach, mejor reasígnelo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="349" />
        <source>{first_name} is already on the waitlist.</source>
        <translation>{first_name} ya está en la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="354" />
        <source>They keep their place; the Coaches page shows the waitlist.</source>
        <translation>Conserva su lugar; la página Coaches muestra la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="359" />
        <source>That waitlist entry is no longer there.</source>
        <translation>Esa entrada de la lista de espera ya no existe.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="364" />
        <source>This peer already left the waitlist on another station.</source>
        <translation>Este participante ya salió de la lista de espera en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="367" />
        <source>It says: {resolution}.</source>
        <translation>Dice: {resolution}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="371" />
        <source>Say briefly why they leave the waitlist.</source>
        <translation>Diga brevemente por qué sale de la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="376" />
        <source>{first_name} was just put on the waitlist on another station.</source>
        <translation>Acaban de poner a {first_name} en la lista de espera en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="379" />
        <location filename="../../desk/messages/people.py" line="395" />
        <source>This record</source>
        <translation>Esta ficha</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="383" />
        <source>The count of anonymous attendees</source>
        <translation>El número de asistentes anónimos</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="387" />
        <source>it is {anonymous_count} now</source>
        <translation>ahora es {anonymous_count}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="392" />
        <source>The list has been reloaded; set the count again.</source>
        <translation>La lista se volvió a cargar; ponga el número otra vez.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="397" />
        <source>The purpose “{label}”</source>
        <translation>El motivo “{label}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="401" />
        <source>What you typed is still on screen. Close this window, open the purpose again to see the other change, then make yours.</source>
        <translation>Lo que escribió sigue en pantalla. Cierre esta ventana, vuelva a abrir el motivo para ver el otro cambio, y luego haga el suyo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="408" />
        <source>This visit</source>
        <translation>Esta visita</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="410" />
        <source>it is now “{status}”</source>
        <translation>ahora está “{status}”</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="414" />
        <source>The queue has been refreshed; check it and try again if still needed.</source>
        <translation>La fila se actualizó; revísela e intente de nuevo si todavía hace falta.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="421" />
        <source>This card was replaced by a new one{when}: it signs no one in.</source>
        <translation>Esta tarjeta se reemplazó por una nueva{when}: no registra a nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="427" />
        <source>Ask for their new card, or sign them in by name.</source>
        <translation>Pídale su tarjeta nueva, o registre su llegada por nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="431" />
        <source>This card was stopped{when} (reported lost): it signs no one in.</source>
        <translation>Esta tarjeta se anuló{when} (se reportó perdida): no registra a nadie.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="437" />
        <source>Sign them in by name; print them a new card if they wish.</source>
        <translation>Registre su llegada por nombre; imprímale una tarjeta nueva si quiere.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/people.py" line="439" />
        <source> on {month:%B} {day}</source>
        <translation> el {day} de {month:%B}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="9" />
        <source>This referral's saved sheet is in format {kept!r}, which this version of Recovery Desk cannot read (it reads format {content_format}).</source>
        <translation>La hoja guardada de este referido está en el formato {kept!r}, que esta versión de Recovery Desk no puede leer (lee el formato {content_format}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="18" />
        <source>It was probably saved by a newer version: reprint it on a station that has been updated, or give a new sheet for the same services (Refer again).</source>
        <translation>Probablemente la guardó una versión más nueva: reimprímala en una estación actualizada, o entregue una hoja nueva con los mismos servicios (Referir otra vez).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="27" />
        <source>This referral's saved sheet cannot be read ({name}: {error}).</source>
        <translation>No se puede leer la hoja guardada de este referido ({name}: {error}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="32" />
        <source>Give a new sheet for the same services (Refer again).</source>
        <translation>Entregue una hoja nueva con los mismos servicios (Referir otra vez).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="37" />
        <source>A consent needs an end: a date, or an event or condition.</source>
        <translation>Un consentimiento necesita un final: una fecha, o un hecho o condición.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="42" />
        <source>For example a date a year from now, or “when I finish this program”.</source>
        <translation>Por ejemplo una fecha dentro de un año, o “cuando termine este programa”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="49" />
        <source>The end date is already past.</source>
        <translation>La fecha de fin ya pasó.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="53" />
        <source>Choose a later date.</source>
        <translation>Elija una fecha más adelante.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="58" />
        <source>Consent forms are printed in English (en) or Spanish (es), not “{language}”.</source>
        <translation>Los formularios de consentimiento se imprimen en inglés (en) o español (es), no en “{language}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="69" />
        <source>Open their record again.</source>
        <translation>Vuelva a abrir su ficha.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="74" />
        <source>There is no consent #{consent_id}.</source>
        <translation>No existe el consentimiento n.º {consent_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="79" />
        <source>This consent was revoked; a signature cannot bring it back.</source>
        <translation>Este consentimiento se revocó; una firma no puede devolverle la vigencia.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="84" />
        <source>Prepare a new consent form instead.</source>
        <translation>Mejor prepare un formulario de consentimiento nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="89" />
        <source>The signature on this consent was already recorded ({signed_on}).</source>
        <translation>La firma de este consentimiento ya se anotó ({signed_on}).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="96" />
        <source>If the date is wrong, revoke it and prepare a new consent form.</source>
        <translation>Si la fecha está mal, revóquelo y prepare un formulario nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="103" />
        <source>The signature date cannot be in the future.</source>
        <translation>La fecha de la firma no puede estar en el futuro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="108" />
        <source>Enter the date written on the signed form.</source>
        <translation>Escriba la fecha que aparece en el formulario firmado.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="113" />
        <source>The form cannot have been signed before it was prepared, on {created_on}.</source>
        <translation>El formulario no pudo firmarse antes de prepararse, el {created_on}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="120" />
        <source>This consent was already revoked on {revoked_on}.</source>
        <translation>Este consentimiento ya se revocó el {revoked_on}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="125" />
        <source>The revocation date cannot be in the future.</source>
        <translation>La fecha de revocación no puede estar en el futuro.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="130" />
        <source>{label} must be filled in: §2.31 requires it.</source>
        <translation>Hay que llenar {label}: §2.31 lo exige.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="135" />
        <source>The program this consent names is no longer in the directory.</source>
        <translation>El programa que nombra este consentimiento ya no está en el directorio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="140" />
        <source>Choose the provider again, or type the recipient without one.</source>
        <translation>Elija la organización otra vez, o escriba el destinatario sin ella.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="145" />
        <source>The organization this consent names is no longer in the directory.</source>
        <translation>La organización que nombra este consentimiento ya no está en el directorio.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="152" />
        <source>A consent for every program of {name} must say so: its recipient has to name {name}.</source>
        <translation>Un consentimiento para todos los programas de {name} debe decirlo: su destinatario tiene que nombrar a {name}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="160" />
        <source>Choose “every program of the organization” again to fill it in.</source>
        <translation>Elija otra vez “todos los programas de la organización” para llenarlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="167" />
        <source>There is no category called “{name}”.</source>
        <translation>No existe ninguna categoría llamada “{name}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="172" />
        <source>Give a code or a name; the categories are {choices}.</source>
        <translation>Dé un código o un nombre; las categorías son {choices}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="177" />
        <source>Choose connected, not connected or unknown.</source>
        <translation>Elija conectó, no conectó o desconocido.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="182" />
        <source>The next try must be on a later day than today.</source>
        <translation>El próximo intento debe ser otro día, después de hoy.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="187" />
        <source>Choose tomorrow or later.</source>
        <translation>Elija mañana o más adelante.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="192" />
        <source>This referral already has an outcome, so there is nothing to follow up.</source>
        <translation>Este referido ya tiene resultado, así que no hay nada que seguir.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="199" />
        <source>Refresh the list to see it.</source>
        <translation>Actualice la lista para verlo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="204" />
        <source>There is no referral #{referral_id}.</source>
        <translation>No existe el referido n.º {referral_id}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="209" />
        <source>The sheet does not show their name, but {where} contains {what}.</source>
        <translation>La hoja no muestra su nombre, pero {where} contiene {what}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="216" />
        <source>Sheets are printed in English (en) or Spanish (es), not “{language}”.</source>
        <translation>Las hojas se imprimen en inglés (en) o español (es), no en “{language}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="223" />
        <source>The referral has no services yet.</source>
        <translation>El referido aún no tiene servicios.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="228" />
        <source>Add services from the Resources page or from the person's record.</source>
        <translation>Agregue servicios desde la página Recursos o desde la ficha de la persona.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="235" />
        <source>No service in the directory has the id {unknown}.</source>
        <translation>Ningún servicio del directorio tiene el id {unknown}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="240" />
        <source>Service ids are the HSDS ids that `recovery-desk export-hsds` writes; the service may have been removed on another station.</source>
        <translation>Los id de servicio son los id HSDS que escribe `recovery-desk export-hsds`; puede que el servicio se haya borrado en otra estación.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="249" />
        <source>Choose the person first: an anonymous sheet has no name to show.</source>
        <translation>Primero elija a la persona: una hoja anónima no tiene nombre que mostrar.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="256" />
        <source>That coach's account is gone.</source>
        <translation>La cuenta de ese coach ya no existe.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="260" />
        <source>Choose another coach.</source>
        <translation>Elija otro coach.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="263" />
        <source>This consent</source>
        <translation>Este consentimiento</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="267" />
        <source>Your entries are still on screen. Reload the person's consents, then try again.</source>
        <translation>Sus datos siguen en pantalla. Vuelva a cargar los consentimientos de la persona e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="275" />
        <source>This referral's follow-up</source>
        <translation>El seguimiento de este referido</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="280" />
        <source>Your note is still on screen. Refresh the list to see theirs, then save again if yours adds to it.</source>
        <translation>Su nota sigue en pantalla. Actualice la lista para ver la de la otra estación, y guarde otra vez si la suya agrega algo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="289" />
        <source>This sheet names the person, and 42 CFR Part 2 needs their signed consent for each provider on it. Missing: {names}.</source>
        <translation>Esta hoja lleva el nombre de la persona, y 42 CFR parte 2 exige su consentimiento firmado para cada organización de la hoja. Falta: {names}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="297" />
        <source>Print a consent form for them to sign (record the signature when it is back), or turn off “show their name” to give a sheet with no identifying information, which needs no consent.</source>
        <translation>Imprima un formulario de consentimiento para que lo firme (anote la firma cuando vuelva), o desactive “poner su nombre” para entregar una hoja sin datos que la identifiquen, que no necesita consentimiento.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="306" />
        <source>Referral #{referral_id} shows the person's name, and their consent is no longer active for: {names}. It cannot be printed again with their name.</source>
        <translation>El referido n.º {referral_id} muestra el nombre de la persona, y su consentimiento ya no está vigente para: {names}. No se puede volver a imprimir con su nombre.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="314" />
        <source>Print it without their name and the §2.32 notice, or record a new signed consent first.</source>
        <translation>Imprímalo sin su nombre ni el aviso del §2.32, o anote primero un consentimiento firmado nuevo.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/referrals.py" line="321" />
        <source>Remove it from the text, or tick “show their name” (which needs their signed consent for each provider on the sheet).</source>
        <translation>Quítelo del texto, o marque “poner su nombre” (que necesita su consentimiento firmado para cada organización de la hoja).</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="8" />
        <source>row {line}</source>
        <translation>fila {line}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="13" />
        <source>phone “{text}” is a placeholder, not a number: left out</source>
        <translation>el teléfono “{text}” es un relleno, no un número: se dejó fuera</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="17" />
        <source>phone “{text}”: extension {extension} kept in the extension field</source>
        <translation>teléfono “{text}”: la extensión {extension} se guardó en el campo de extensión</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="23" />
        <source>phone “{text}”: “{description}” kept with the number</source>
        <translation>teléfono “{text}”: “{description}” se guardó con el número</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="27" />
        <source>phone cell “{text}” holds {count} numbers: each kept</source>
        <translation>la celda de teléfono “{text}” tiene {count} números: se guardó cada uno</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="31" />
        <source>language “{name}” is not one the desk can give a code to; kept as written</source>
        <translation>el idioma “{name}” no es uno al que el programa pueda dar un código; se guardó tal como está escrito</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="37" />
        <source>ZIP code “{text}” written as {fixed}</source>
        <translation>el código postal “{text}” se escribió como {fixed}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="41" />
        <source>ZIP code “{text}” had lost its leading zero (a spreadsheet program drops it); imported as {fixed}</source>
        <translation>el código postal “{text}” había perdido el cero inicial (una hoja de cálculo lo quita); se importó como {fixed}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="49" />
        <source>address “{text}” split into street and town</source>
        <translation>la dirección “{text}” se separó en calle y ciudad</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="53" />
        <source>no street address: imported as serving {place}</source>
        <translation>sin dirección de calle: se importó como que atiende en {place}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="57" />
        <source>hours “{text}” kept as written: {why} (open now cannot use them)</source>
        <translation>el horario “{text}” se guardó tal como está escrito: {why} (“abierto ahora” no puede usarlo)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="62" />
        <source>hours “{text}”: {error}</source>
        <translation>horario “{text}”: {error}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="66" />
        <source>category “{text}” is not one of the center's categories: no category (staff can choose one)</source>
        <translation>la categoría “{text}” no es una de las categorías del centro: sin categoría (el personal puede elegir una)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="74" />
        <source>has no name</source>
        <translation>no tiene nombre</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="77" />
        <source>has no state, and Center settings give none for the center; add a State column, or give the center's town, state and ZIP in Center settings</source>
        <translation>no tiene estado, y los ajustes del centro no dan ninguno para el centro; agregue una columna de estado (State), o ponga la ciudad, el estado y el código postal del centro en Ajustes del centro</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="85" />
        <source>the address has no ZIP code; add a ZIP column, or put the ZIP in the address</source>
        <translation>la dirección no tiene código postal; agregue una columna de código postal (ZIP), o póngalo en la dirección</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="92" />
        <source>the address has no town; add a City column, or write the town</source>
        <translation>la dirección no tiene ciudad; agregue una columna de ciudad (City), o escriba la ciudad</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="96" />
        <source>the same resource as row {row} (same name and address)</source>
        <translation>el mismo recurso que la fila {row} (mismo nombre y dirección)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="100" />
        <source>has headings but no resources below them</source>
        <translation>tiene encabezados pero ningún recurso debajo</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="106" />
        <source>{name} is not UTF-8; it was read as Windows-1252 (Excel's “CSV” on Windows). Check accented names in the preview.</source>
        <translation>{name} no está en UTF-8; se leyó como Windows-1252 (el “CSV” de Excel en Windows). Revise los nombres con acentos en la vista previa.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="114" />
        <source>Only the first sheet, “{title}”, was read.</source>
        <translation>Solo se leyó la primera hoja, “{title}”.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="118" />
        <source>Row 1 above the headings was skipped{what}.</source>
        <translation>Se saltó la fila 1, que está sobre los encabezados{what}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="122" />
        <source>Rows 1–{last} above the headings were skipped{what}.</source>
        <translation>Se saltaron las filas 1 a {last}, que están sobre los encabezados{what}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="124" />
        <source> (“{text}”)</source>
        <translation> (“{text}”)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="127" />
        <source>{count} merged cells below the headings were filled from their first cell.</source>
        <translation>{count} celdas combinadas debajo de los encabezados se llenaron con su primera celda.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="131" />
        <source>1 row</source>
        <translation>1 fila</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="132" />
        <source>{count} rows</source>
        <translation>{count} filas</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="135" />
        <source>{rows} with no state (row {lines}) were given {state}, the center's state (Center settings)</source>
        <translation>a {rows} sin estado (fila {lines}) se les dio {state}, el estado del centro (Ajustes del centro)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="143" />
        <source>the list has no State column: {rows} were given {state}, the center's state (Center settings)</source>
        <translation>la lista no tiene columna de estado (State): a {rows} se les dio {state}, el estado del centro (Ajustes del centro)</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="150" />
        <source>“{heading}” ({rows})</source>
        <translation>“{heading}” ({rows})</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="156" />
        <source>Nothing was imported from {source}: {message}</source>
        <translation>No se importó nada de {source}: {message}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="160" />
        <source>Nothing was imported from {source}: 1 problem must be fixed first.</source>
        <translation>No se importó nada de {source}: primero hay que corregir 1 problema.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="166" />
        <source>Nothing was imported from {source}: {count} problems must be fixed first.</source>
        <translation>No se importó nada de {source}: primero hay que corregir {count} problemas.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="171" />
        <source>  - {where}{ident}: {message}</source>
        <translation>  - {where}{ident}: {message}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="173" />
        <source> (id {id})</source>
        <translation> (id {id})</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="175" />
        <source>  … and {count} more.</source>
        <translation>  … y {count} más.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="178" />
        <source>Imported {source}: {counts}.</source>
        <translation>Se importó {source}: {counts}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="181" />
        <source>Ready to import {source}: {counts}.</source>
        <translation>Listo para importar {source}: {counts}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="185" />
        <source>Not imported (no field takes these columns): {columns}.</source>
        <translation>No se importó (ningún campo usa estas columnas): {columns}.</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="188" />
        <source>Repaired ({count}):</source>
        <translation>Corregido ({count}):</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="190" />
        <source>Notes ({count}):</source>
        <translation>Notas ({count}):</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="193" />
        <source>{table}: {new} new, {changed} updated</source>
        <translation>{table}: {new} nuevos, {changed} actualizados</translation>
    </message>
    <message>
        <location filename="../../desk/messages/sheet_import.py" line="195" />
        <source>nothing</source>
        <translation>nada</translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message>
        <location filename="../models/directory_table.py" line="34" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="35" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="36" />
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="37" />
        <source>Town</source>
        <translation>Pueblo</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="38" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="39" />
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="91" />
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../models/directory_table.py" line="93" />
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/directory_table.py" line="94" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/directory_table.py" line="109" />
        <source>Not verified for more than %n day(s): check before referring.</source>
        <translation>
            <numerusform>Sin verificar durante más de %n día: revíselo antes de referir.</numerusform>
            <numerusform>Sin verificar durante más de %n días: revíselo antes de referir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="72" />
        <source>Consent no longer active</source>
        <translation>El consentimiento ya no está vigente</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="73" />
        <source>Print the same sheet without their name?</source>
        <translation>¿Imprimir la misma hoja sin su nombre?</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="126" />
        <source>Referral #%1 sent to %2, the same sheet as given.</source>
        <translation>Referido n.º %1 enviado a %2, la misma hoja que se entregó.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="128" />
        <source>Referral #%1 sent to %2, without their name and the notice.</source>
        <translation>Referido n.º %1 enviado a %2, sin su nombre ni el aviso.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="192" />
        <source>Consent form #%1 sent to %2. When it comes back signed, press “Signed form is back” on their record and enter the date written on it.</source>
        <translation>Formulario de consentimiento n.º %1 enviado a %2. Cuando vuelva firmado, pulse “Llegó el formulario firmado” en su ficha y escriba la fecha que tiene.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="222" />
        <source>The “%3” handout was sent to %2.</source>
        <translation>La hoja informativa “%3” se envió a %2.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/document_actions.py" line="239" />
        <source>The week's handout (%3) was sent to %2.</source>
        <translation>La hoja de la semana (%3) se envió a %2.</translation>
    </message>
</context>
<context>
    <name>DocumentOutput</name>
    <message>
        <location filename="../printing/output.py" line="53" />
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../printing/output.py" line="70" />
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../printing/output.py" line="70" />
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DoorCalls</name>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="36" />
        <source>Greeted (Ctrl+D)</source>
        <translation>Recibido (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="69" />
        <source>did not say</source>
        <translation>no lo dijo</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/door_calls.py" line="74" />
        <source>At the door: %1 waiting to be greeted (first time or no card), since %2; came for: %3.</source>
        <translation>En la puerta: %1 esperando que lo reciban (primera vez o sin tarjeta), desde las %2; vino por: %3.</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../pages/reports/sections.py" line="51" />
        <source>Previous: %1 · change %2</source>
        <translation>Anterior: %1 · cambio %2</translation>
    </message>
    <message>
        <location filename="../pages/reports/sections.py" line="66" />
        <source>Click for the list behind it</source>
        <translation>Clic para ver la lista detrás</translation>
    </message>
</context>
<context>
    <name>FigureListDialog</name>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="41" />
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="76" />
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <location filename="../pages/reports/list_dialog.py" line="80" />
        <source> (the first %1 shown; export the report for every count)</source>
        <translation> (se muestran los primeros %1; exporte el informe para ver todos)</translation>
    </message>
</context>
<context>
    <name>FirstAdminScreen</name>
    <message>
        <location filename="../staff/screens.py" line="223" />
        <source>Welcome to Recovery Desk</source>
        <translation>Bienvenido a Recovery Desk</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="223" />
        <source>Make the admin account</source>
        <translation>Crear la cuenta de administración</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="228" />
        <source>Nobody can sign in to this database yet. Make the first admin account: its owner makes the accounts of the rest of the staff (front desk, coaches, admins) on the Staff page.</source>
        <translation>Aún nadie puede iniciar sesión en esta base de datos. Cree la primera cuenta de administración: quien la tenga crea las cuentas del resto del personal (recepción, coaches, administración) en la página Personal.</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="242" />
        <source>Your &amp;name</source>
        <translation>Su &amp;nombre</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="242" />
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="243" />
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="243" />
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="244" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="244" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="245" />
        <source>Password &amp;again</source>
        <translation>Contraseña &amp;otra vez</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="245" />
        <source>Password again</source>
        <translation>Contraseña otra vez</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="257" />
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma dos veces.</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="62" />
        <source>Due for follow-up</source>
        <translation>Toca seguimiento</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="63" />
        <source>Awaiting an outcome</source>
        <translation>Esperando un resultado</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="64" />
        <source>All referrals</source>
        <translation>Todos los referidos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="74" />
        <source>Referrals</source>
        <translation>Referidos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="79" />
        <source>Not reached yet: try again on</source>
        <translation>No se logró contactar: intentar de nuevo el</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="87" />
        <source>What happened, in a few words (optional)</source>
        <translation>Qué pasó, en pocas palabras (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="89" />
        <source>Record outcome</source>
        <translation>Anotar resultado</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="92" />
        <location filename="../pages/referrals/follow_up.py" line="135" />
        <source>Reprint…</source>
        <translation>Reimprimir…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="94" />
        <source>Reprint to default printer</source>
        <translation>Reimprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="95" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="96" />
        <location filename="../pages/referrals/follow_up.py" line="138" />
        <source>Open their record</source>
        <translation>Abrir su ficha</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="99" />
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="133" />
        <source>Choose the outcome</source>
        <translation>Elija el resultado</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="134" />
        <source>Record the outcome</source>
        <translation>Anotar el resultado</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="136" />
        <source>Reprint to the default printer</source>
        <translation>Reimprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="137" />
        <source>Save the sheet as PDF</source>
        <translation>Guardar la hoja como PDF</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="141" />
        <source>The outcome (Ctrl+Shift+O)</source>
        <translation>El resultado (Ctrl+Shift+O)</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/referrals/follow_up.py" line="165" />
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n referido</numerusform>
            <numerusform>%n referidos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="238" />
        <source>Referral #%1 comes due again on %2.</source>
        <translation>El referido n.º %1 vuelve a tocar el %2.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/follow_up.py" line="244" />
        <source>Outcome saved for referral #%1: %2.</source>
        <translation>Resultado guardado para el referido n.º %1: %2.</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <location filename="../pages/front_desk/controller.py" line="119" />
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="123" />
        <source>Sign in the highlighted match</source>
        <translation>Registrar la llegada de la coincidencia marcada</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="124" />
        <source>The match above (Down: below)</source>
        <translation>La coincidencia de arriba (Abajo: la de abajo)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="125" />
        <source>Clear the box</source>
        <translation>Vaciar la casilla</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="127" />
        <source>Back to the sign-in box</source>
        <translation>Volver a la casilla de llegada</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="128" />
        <source>New person (intake)</source>
        <translation>Persona nueva (registro inicial)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="129" />
        <source>Anonymous visit</source>
        <translation>Visita anónima</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="130" />
        <source>Next visitor in today's queue</source>
        <translation>Siguiente visitante en la fila de hoy</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="131" />
        <source>Previous visitor in today's queue</source>
        <translation>Visitante anterior en la fila de hoy</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="132" />
        <source>Start with a coach</source>
        <translation>Empezar con un coach</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="133" />
        <source>Assign a coach (ranked)</source>
        <translation>Asignar un coach (ordenados)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="134" />
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="135" />
        <source>Undo the check-out (a minute), or the sign-in</source>
        <translation>Deshacer la salida (un minuto), o la llegada</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="136" />
        <source>Open their record</source>
        <translation>Abrir su ficha</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="137" />
        <source>Privacy: full names or initials</source>
        <translation>Privacidad: nombres completos o iniciales</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="138" />
        <source>Another of today's meetings</source>
        <translation>Otra de las reuniones de hoy</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="139" />
        <source>Take attendance at a meeting</source>
        <translation>Tomar asistencia en una reunión</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="142" />
        <source>Ctrl+1 to Ctrl+9: the purposes</source>
        <translation>Ctrl+1 a Ctrl+9: los motivos</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="143" />
        <source>One more kit (Ctrl+-: one fewer)</source>
        <translation>Un kit más (Ctrl+-: uno menos)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="323" />
        <source>No one is chosen. Wait for the matches, or press Ctrl+N for a new person.</source>
        <translation>No se eligió a nadie. Espere las coincidencias, o pulse Ctrl+N para una persona nueva.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="360" />
        <source>Choose at least one purpose (%1).</source>
        <translation>Elija al menos un motivo (%1).</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="366" />
        <source>Signing in %1…</source>
        <translation>Registrando la llegada de %1…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="434" />
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="437" />
        <source>Signed in %1 at %2 (%3).</source>
        <translation>Llegada de %1 registrada a las %2 (%3).</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="516" />
        <source>Anonymous visit as “%1” (Ctrl+Shift+A)</source>
        <translation>Visita anónima como “%1” (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="518" />
        <source>Anonymous visit (Ctrl+Shift+A)</source>
        <translation>Visita anónima (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="522" />
        <source>Still loading names… type on: the matches appear as soon as they are in.</source>
        <translation>Aún cargando nombres… siga escribiendo: las coincidencias aparecen en cuanto estén.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="528" />
        <source>No match for “%1”. Ctrl+N adds a new person; Ctrl+Shift+A signs in an anonymous visit.</source>
        <translation>Nadie coincide con “%1”. Ctrl+N agrega una persona nueva; Ctrl+Shift+A registra una visita anónima.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="538" />
        <source>%1 choose the purposes. Nothing else is needed for a returning visitor.</source>
        <translation>%1 elige los motivos. No hace falta nada más para un visitante que regresa.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/controller.py" line="548" />
        <source>Ctrl+1 to Ctrl+%1</source>
        <translation>Ctrl+1 a Ctrl+%1</translation>
    </message>
</context>
<context>
    <name>FrontDeskView</name>
    <message>
        <location filename="../pages/front_desk/view.py" line="34" />
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="36" />
        <source>Privacy: first name and last initial</source>
        <translation>Privacidad: nombre e inicial del apellido</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="45" />
        <source>Sign in: name, phone digits or birth year</source>
        <translation>Registrar llegada: nombre, dígitos del teléfono o año de nacimiento</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="48" />
        <source>Type a name, phone digits or birth year; ↑ ↓ to choose, Enter to sign in</source>
        <translation>Escriba un nombre, dígitos del teléfono o año de nacimiento; ↑ ↓ para elegir, Enter para registrar llegada</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="52" />
        <source>Still loading names… you can type already</source>
        <translation>Aún cargando nombres… ya puede escribir</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="67" />
        <source>New person… (Ctrl+N)</source>
        <translation>Persona nueva… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="68" />
        <source>Anonymous visit (Ctrl+Shift+A)</source>
        <translation>Visita anónima (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="69" />
        <source>Sign in (Enter)</source>
        <translation>Registrar llegada (Enter)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="100" />
        <source>Start with coach…</source>
        <translation>Empezar con coach…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="101" />
        <source>Start their visit with a coach (Ctrl+G)</source>
        <translation>Empezar su visita con un coach (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="106" />
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="107" />
        <source>Check them out of today's queue (Ctrl+O)</source>
        <translation>Registrar su salida de la fila de hoy (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="102" />
        <source>Assign coach…</source>
        <translation>Asignar coach…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="104" />
        <source>Pair them with a recovery coach, ranked with reasons (Ctrl+Shift+G)</source>
        <translation>Asignarle un coach de recuperación, ordenados con sus razones (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="108" />
        <source>Undo sign-in…</source>
        <translation>Deshacer llegada…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="109" />
        <source>Open record</source>
        <translation>Abrir ficha</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/view.py" line="85" />
        <location filename="../pages/front_desk/view.py" line="130" />
        <source>Today's queue</source>
        <translation>Fila de hoy</translation>
    </message>
</context>
<context>
    <name>GateScreen</name>
    <message>
        <location filename="../staff/screens.py" line="62" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="98" />
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="38" />
        <source>A recovery goal for %1</source>
        <translation>Una meta de recuperación para %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="49" />
        <source>in their words: “Find a sober house”</source>
        <translation>en sus palabras: “Encontrar una vivienda sobria”</translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="53" />
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="54" />
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../pages/coaches/goal_dialog.py" line="55" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>GoalsTableModel</name>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="63" />
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="63" />
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="63" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../models/peer_coaching_tables.py" line="63" />
        <source>Set on</source>
        <translation>Fijada el</translation>
    </message>
</context>
<context>
    <name>GroupDateDialog</name>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="73" />
        <source>Dates of %1</source>
        <translation>Fechas de %1</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="78" />
        <source>Cancelled that day</source>
        <translation>Cancelado ese día</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="80" />
        <source>Held otherwise:</source>
        <translation>Se hace de otra forma:</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="87" />
        <source>at another time</source>
        <translation>a otra hora</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="96" />
        <source>the usual room</source>
        <translation>el salón de siempre</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="99" />
        <source>Why, for the handout (optional)</source>
        <translation>Por qué, para la hoja informativa (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="103" />
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="107" />
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="110" />
        <source>On</source>
        <translation>El</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="112" />
        <source>In room</source>
        <translation>En el salón</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="113" />
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="114" />
        <source>Save this date</source>
        <translation>Guardar esta fecha</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="117" />
        <source>As scheduled</source>
        <translation>Como está programado</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="119" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="197" />
        <source>%1 on %2: %3</source>
        <translation>%1 el %2: %3</translation>
    </message>
    <message>
        <location filename="../pages/groups/date_dialog.py" line="221" />
        <source>%1 on %2 is back as scheduled.</source>
        <translation>%1 el %2 vuelve a ser como está programado.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="48" />
        <source>first</source>
        <translation>primer</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="49" />
        <source>second</source>
        <translation>segundo</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="50" />
        <source>third</source>
        <translation>tercer</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="51" />
        <source>fourth</source>
        <translation>cuarto</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="52" />
        <source>last</source>
        <translation>último</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="73" />
        <source>New group</source>
        <translation>Grupo nuevo</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="73" />
        <source>Group: %1</source>
        <translation>Grupo: %1</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="90" />
        <source>No one named</source>
        <translation>Nadie en particular</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="91" />
        <source>A volunteer (type the name)</source>
        <translation>Un voluntario (escriba el nombre)</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="94" />
        <source>The volunteer's name</source>
        <translation>El nombre del voluntario</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="110" />
        <source>Starts at</source>
        <translation>Empieza a las</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="115" />
        <source>Ends at</source>
        <translation>Termina a las</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="120" />
        <source>Every week, on…</source>
        <translation>Cada semana, los…</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="121" />
        <source>Once a month, on the…</source>
        <translation>Una vez al mes, el…</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="122" />
        <source>Once only</source>
        <translation>Una sola vez</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="123" />
        <source>Another rule (RRULE)</source>
        <translation>Otra regla (RRULE)</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="131" />
        <source>every other week</source>
        <translation>cada dos semanas</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="145" />
        <source>On the schedule (switch off when it stops meeting)</source>
        <translation>En el calendario (desactívelo cuando deje de reunirse)</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="159" />
        <source>of the month</source>
        <translation>del mes</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="167" />
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="175" />
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="176" />
        <source>Name in Spanish</source>
        <translation>Nombre en español</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="177" />
        <source>What it is</source>
        <translation>Qué es</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="178" />
        <source>In Spanish</source>
        <translation>En español</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="179" />
        <source>Led by</source>
        <translation>Lo dirige</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="180" />
        <source>&amp;Room</source>
        <translation>&amp;Salón</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="181" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="182" />
        <source>First date</source>
        <translation>Primera fecha</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="183" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../pages/groups/group_dialog.py" line="184" />
        <source>Re&amp;peats</source>
        <translation>Se re&amp;pite</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="39" />
        <source>first</source>
        <translation>primer</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="40" />
        <source>second</source>
        <translation>segundo</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="41" />
        <source>third</source>
        <translation>tercer</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="42" />
        <source>fourth</source>
        <translation>cuarto</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="43" />
        <source>fifth</source>
        <translation>quinto</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="44" />
        <source>last</source>
        <translation>último</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="45" />
        <source>second-to-last</source>
        <translation>penúltimo</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="62" />
        <source>Once, on {on:%b} {day}, {year}</source>
        <translation>Una vez, el {day} de {on:%b} de {year}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="71" />
        <source>{words}, until {until:%b} {day}, {year}</source>
        <translation>{words}, hasta el {day} de {until:%b} de {year}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="79" />
        <source>{words}, {count} times</source>
        <translation>{words}, {count} veces</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="94" />
        <source>Every day</source>
        <translation>Todos los días</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="97" />
        <source>weekday</source>
        <translation>días entre semana</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="101" />
        <source>Every {days}</source>
        <translation>Todos los {days}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="103" />
        <source>Every other {days}</source>
        <translation>Cada dos semanas, los {days}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="106" />
        <source>Every {every} weeks on {days}</source>
        <translation>Cada {every} semanas, los {days}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="111" />
        <source>Every {every} days on {days}</source>
        <translation>Cada {every} días, los {days}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="113" />
        <source>Every {every} days</source>
        <translation>Cada {every} días</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="124" />
        <source>The {which} {day} of the month</source>
        <translation>El {which} {day} del mes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="129" />
        <source>The {which} {day} of every {every} months</source>
        <translation>El {which} {day} cada {every} meses</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="138" />
        <source>Every month on day {days}</source>
        <translation>Todos los meses, el día {days}</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="141" />
        <source>Repeats: {rule}</source>
        <translation>Se repite: {rule}</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location filename="../pages/groups/page.py" line="34" />
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="36" />
        <location filename="../pages/groups/page.py" line="48" />
        <source>The center's groups</source>
        <translation>Los grupos del centro</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="40" />
        <source>Meetings, groups, workshops and open hours that the center runs. The Front desk shows today's; the week's handout lists them in English or Spanish. Cancel or change one date with Dates…, not the group itself.</source>
        <translation>Reuniones, grupos, talleres y horarios abiertos que ofrece el centro. Recepción muestra los de hoy; la hoja de la semana los lista en inglés o español. Para cancelar o cambiar una fecha use Fechas…, no el grupo.</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="54" />
        <source>New group…</source>
        <translation>Grupo nuevo…</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="56" />
        <source>Change… (Enter)</source>
        <translation>Cambiar… (Enter)</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="58" />
        <source>Dates… (cancel or change one)</source>
        <translation>Fechas… (cancelar o cambiar una)</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="60" />
        <source>Print the week's handout…</source>
        <translation>Imprimir la hoja de la semana…</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="69" />
        <source>New group</source>
        <translation>Grupo nuevo</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="70" />
        <source>Cancel or change one of its dates</source>
        <translation>Cancelar o cambiar una de sus fechas</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="71" />
        <source>Print the week's handout</source>
        <translation>Imprimir la hoja de la semana</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="74" />
        <source>Change the chosen group</source>
        <translation>Cambiar el grupo elegido</translation>
    </message>
    <message>
        <location filename="../pages/groups/page.py" line="133" />
        <source>“%1” is saved: %2, %3.</source>
        <translation>“%1” quedó guardado: %2, %3.</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../models/groups_table.py" line="21" />
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="22" />
        <source>Meets</source>
        <translation>Se reúne</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="23" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="24" />
        <source>Room</source>
        <translation>Salón</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="25" />
        <source>Led by</source>
        <translation>Lo dirige</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="26" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../models/groups_table.py" line="40" />
        <source>%1 (off the schedule)</source>
        <translation>%1 (fuera del calendario)</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="48" />
        <source>Print a category handout</source>
        <translation>Imprimir una hoja informativa por categoría</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="55" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="56" />
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="57" />
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="60" />
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="64" />
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="67" />
        <source>Every current listing of the category, as checked by our staff, with the help lines. No person is named on it.</source>
        <translation>Todos los servicios vigentes de la categoría, como los verificó nuestro equipo, con las líneas de ayuda. No lleva el nombre de ninguna persona.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="73" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="76" />
        <source>Print to default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="78" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/handout_dialog.py" line="80" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <location filename="../pages/reports/charts.py" line="149" />
        <source>Visits by local hour of arrival and day of the week</source>
        <translation>Visitas por hora local de llegada y día de la semana</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="69" />
        <source>same name and birth year</source>
        <translation>mismo nombre y año de nacimiento</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="70" />
        <source>same phone number</source>
        <translation>mismo número de teléfono</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="71" />
        <source>same name</source>
        <translation>mismo nombre</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="72" />
        <source>similar name</source>
        <translation>nombre parecido</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="89" />
        <source>New person</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="105" />
        <source>Only a first name or initials is needed. Ask for the rest only if the person wants to give it.</source>
        <translation>Solo hace falta un nombre o las iniciales. Pregunte lo demás solo si la persona quiere darlo.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="119" />
        <source>Use this person (Ctrl+U)</source>
        <translation>Usar esta persona (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="129" />
        <source>Save and sign in (Enter)</source>
        <translation>Guardar y registrar llegada (Enter)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="164" />
        <source>The unsaved intake from before is back. Save it, or Cancel to discard it.</source>
        <translation>Volvió el registro inicial sin guardar de antes. Guárdelo, o Cancelar para descartarlo.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="213" />
        <source>This may be someone we already know:</source>
        <translation>Puede ser alguien que ya conocemos:</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="226" />
        <source>b. %1</source>
        <translation>n. %1</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="285" />
        <source>No answer from the database yet (%1). Everything you typed is kept here. Press Save again once it answers: a save that went through is not made twice.</source>
        <translation>Aún no responde la base de datos (%1). Todo lo que escribió se conserva aquí. Pulse Guardar otra vez cuando responda: un guardado que ya se hizo no se repite.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="293" />
        <source>Not saved: the database cannot be reached (%1). Everything you typed is kept here. Press Save again once it is back.</source>
        <translation>No se guardó: no se puede llegar a la base de datos (%1). Todo lo que escribió se conserva aquí. Pulse Guardar otra vez cuando vuelva.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/intake_dialog.py" line="309" />
        <source>Press Cancel (or Esc) again to throw away what you typed, or Save to keep it.</source>
        <translation>Pulse Cancelar (o Esc) otra vez para descartar lo que escribió, o Guardar para conservarlo.</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../kiosk/station.py" line="35" />
        <source>The kiosk cannot start</source>
        <translation>El quiosco no puede iniciar</translation>
    </message>
</context>
<context>
    <name>KioskLock</name>
    <message>
        <location filename="../kiosk/lock.py" line="24" />
        <source>This kiosk is locked</source>
        <translation>Este quiosco está bloqueado</translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="27" />
        <source>Please ask someone at the front desk. An admin can unlock it here.</source>
        <translation>Por favor, pregunte en recepción. Un administrador puede desbloquearlo aquí.</translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="39" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="42" />
        <source>End kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="48" />
        <source>Admin username</source>
        <translation>Usuario de administración</translation>
    </message>
    <message>
        <location filename="../kiosk/lock.py" line="49" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk/window.py" line="88" />
        <location filename="../kiosk/window.py" line="108" />
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="111" />
        <source>Scan your card</source>
        <translation>Escanee su tarjeta</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="121" />
        <source>First time, or no card?
Press here and someone will greet you</source>
        <translation>¿Primera vez, o sin tarjeta?
Toque aquí y alguien vendrá a recibirle</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="148" />
        <source>Why did you come today? Touch all that apply.</source>
        <translation>¿Por qué vino hoy? Toque todo lo que corresponda.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="152" />
        <source>Which meeting?</source>
        <translation>¿Qué reunión?</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="155" />
        <location filename="../kiosk/window.py" line="302" />
        <source>Sign me in</source>
        <translation>Registrar mi llegada</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="159" />
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="282" />
        <source>Hello, %1!</source>
        <translation>¡Hola, %1!</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="284" />
        <source>Hello!</source>
        <translation>¡Hola!</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="291" />
        <source>Welcome! We are glad you came.</source>
        <translation>¡Bienvenido! Nos alegra que haya venido.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="302" />
        <source>Ask someone to greet me</source>
        <translation>Que alguien venga a recibirme</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="331" />
        <source>Thank you! Please have a seat: someone will come to greet you.</source>
        <translation>¡Gracias! Tome asiento, por favor: alguien vendrá a recibirle.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="338" />
        <source>Touch at least one reason, then Sign me in.</source>
        <translation>Toque al menos una razón y luego Registrar mi llegada.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="354" />
        <source> The meeting “%1” is about to start or on now.</source>
        <translation> La reunión “%1” está por empezar o ya empezó.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="358" />
        <source>You are signed in. Welcome!</source>
        <translation>Su llegada quedó registrada. ¡Bienvenido!</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="364" />
        <source>Something went wrong. Please see the front desk.</source>
        <translation>Algo salió mal. Por favor, pase a recepción.</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="398" />
        <source>Not allowed.</source>
        <translation>No permitido.</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../desk/messages/__init__.py" line="100" />
        <source>{first} and {last}</source>
        <translation>{first} y {last}</translation>
    </message>
    <message>
        <location filename="../../desk/messages/__init__.py" line="104" />
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../staff/screens.py" line="291" />
        <source>Recovery Desk is locked</source>
        <translation>Recovery Desk está bloqueado</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="291" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="294" />
        <source>Password or PIN</source>
        <translation>Contraseña o PIN</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="295" />
        <source>&amp;Password or PIN</source>
        <translation>&amp;Contraseña o PIN</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="297" />
        <source>&amp;Sign in as someone else</source>
        <translation>&amp;Iniciar sesión como otra persona</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="308" />
        <source>%1 (%2) is signed in. Everything on screen is hidden until they unlock.</source>
        <translation>%1 (%2) tiene la sesión abierta. Todo lo que hay en pantalla queda oculto hasta que desbloquee.</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="320" />
        <source>Type your password or PIN.</source>
        <translation>Escriba su contraseña o PIN.</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="61" />
        <source>Log a contact with %1</source>
        <translation>Anotar un contacto con %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="80" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="85" />
        <source>Short and non-clinical: what you did together. No diagnoses or health details.</source>
        <translation>Breve y sin datos clínicos: lo que hicieron juntos. Sin diagnósticos ni datos de salud.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="94" />
        <source>optional: what comes next</source>
        <translation>opcional: lo que sigue</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="95" />
        <location filename="../pages/coaches/contact_dialog.py" line="100" />
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="106" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="107" />
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="108" />
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="109" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="111" />
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="142" />
        <source>What you typed before was kept.</source>
        <translation>Se conservó lo que escribió antes.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/contact_dialog.py" line="147" />
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
</context>
<context>
    <name>LookupResultsModel</name>
    <message>
        <location filename="../models/lookup_results.py" line="70" />
        <source>b. %1</source>
        <translation>n. %1</translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="75" />
        <source>here now, in today's queue</source>
        <translation>aquí ahora, en la fila de hoy</translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="77" />
        <source>last here %1</source>
        <translation>vino por última vez %1</translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="79" />
        <source>no visits yet</source>
        <translation>aún sin visitas</translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="86" />
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location filename="../models/lookup_results.py" line="88" />
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="79" />
        <source>Recovery Desk</source>
        <translation>Recovery Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="89" />
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>Database: SQLite file %1</source>
        <translation>Base de datos: archivo SQLite %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131" />
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136" />
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión de: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="139" />
        <source>Account…</source>
        <translation>Cuenta…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141" />
        <source>Change your password, or set a PIN to unlock</source>
        <translation>Cambiar su contraseña, o fijar un PIN para desbloquear</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143" />
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145" />
        <source>Hide everything until you come back (Ctrl+L)</source>
        <translation>Ocultar todo hasta que vuelva (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147" />
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228" />
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232" />
        <source>This list of keys</source>
        <translation>Esta lista de teclas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272" />
        <source>The database cannot be reached right now. %1 Nothing you typed is lost; save again once it is back.</source>
        <translation>No se puede llegar a la base de datos ahora. %1 No se perdió nada de lo que escribió; vuelva a guardar cuando regrese.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>The database is back. You can save again.</source>
        <translation>La base de datos volvió. Ya puede guardar.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304" />
        <source>No good backup has been made for more than two days. %1 Open Center settings, Backups, to see why and to back up now.</source>
        <translation>Hace más de dos días que no se hace una buena copia de seguridad. %1 Abra Ajustes del centro, Copias de seguridad, para ver por qué y hacer una copia ahora.</translation>
    </message>
</context>
<context>
    <name>MeetingPicker</name>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="24" />
        <source>Which meeting</source>
        <translation>Qué reunión</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="26" />
        <source>For the meeting (Ctrl+M):</source>
        <translation>Para la reunión (Ctrl+M):</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="46" />
        <source> (on now)</source>
        <translation> (ahora)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="48" />
        <source> (next)</source>
        <translation> (la próxima)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/meeting_picker.py" line="50" />
        <source>None of these</source>
        <translation>Ninguna de estas</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="45" />
        <source>Merge two records of the same person</source>
        <translation>Unir dos fichas de la misma persona</translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="52" />
        <source>Find the other record: name, phone or year</source>
        <translation>Busque la otra ficha: nombre, teléfono o año</translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="64" />
        <source>Keep this record</source>
        <translation>Conservar esta ficha</translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="65" />
        <source>Keep that record</source>
        <translation>Conservar esa ficha</translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="69" />
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <location filename="../pages/people/merge_dialog.py" line="76" />
        <source>Every visit, coaching note and referral of the other record moves to the kept one; empty fields are filled from it. The other record is kept, marked merged, and the merge is recorded in the activity log.</source>
        <translation>Cada visita, nota de acompañamiento y referido de la otra ficha pasa a la que se conserva; los campos vacíos se llenan con ella. La otra ficha se guarda, marcada como unida, y la unión queda en el registro de actividad.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="50" />
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de las copias</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="53" />
        <source>Backups written outside the default folder (a USB drive, a network share) are encrypted so that a lost drive reveals nothing. Restoring one needs this passphrase. Recovery Desk does not keep it: write it down and keep it somewhere safe, away from this computer (a sealed envelope in the office safe, or a password manager only admins use). A lost passphrase means those backups are lost: no one can open them, Recovery Desk included.

Backups made before a change keep needing the passphrase they were made with.</source>
        <translation>Las copias de seguridad que se guardan fuera de la carpeta predeterminada (una memoria USB, una carpeta de red) se cifran, para que una memoria perdida no revele nada. Para restaurar una se necesita esta frase. Recovery Desk no la guarda: anótela y guárdela en un lugar seguro, lejos de esta computadora (un sobre cerrado en la caja fuerte de la oficina, o un gestor de contraseñas que solo usa administración). Si se pierde la frase, se pierden esas copias: nadie puede abrirlas, ni siquiera Recovery Desk.

Las copias hechas antes de un cambio siguen necesitando la frase con que se hicieron.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="70" />
        <source>Passphrase (12 characters or more)</source>
        <translation>Frase de contraseña (12 caracteres o más)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="71" />
        <source>The same again</source>
        <translation>La misma otra vez</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="88" />
        <source>The two passphrases differ.</source>
        <translation>Las dos frases no coinciden.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../printing/preview.py" line="83" />
        <source>The sheet appears here as it will print.</source>
        <translation>Aquí aparece la hoja tal como se imprimirá.</translation>
    </message>
    <message numerus="yes">
        <location filename="../printing/preview.py" line="119" />
        <source>%n page(s), US Letter</source>
        <translation>
            <numerusform>%n página, carta (US Letter)</numerusform>
            <numerusform>%n páginas, carta (US Letter)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerCoachingDialog</name>
    <message>
        <location filename="../pages/coaches/controller.py" line="65" />
        <location filename="../pages/coaches/controller.py" line="67" />
        <source>Coaching</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <location filename="../pages/coaches/controller.py" line="80" />
        <source>%1's coaching</source>
        <translation>Acompañamiento de %1</translation>
    </message>
</context>
<context>
    <name>PeerCoachingPanel</name>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="66" />
        <source>No one is open.</source>
        <translation>No hay nadie abierto.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="69" />
        <location filename="../pages/coaches/peer_panel.py" line="201" />
        <source>Assign coach…</source>
        <translation>Asignar coach…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="70" />
        <source>End coaching…</source>
        <translation>Terminar acompañamiento…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="71" />
        <source>Log contact…</source>
        <translation>Anotar contacto…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="72" />
        <source>Add goal…</source>
        <translation>Agregar meta…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="73" />
        <source>Record BARC-10…</source>
        <translation>Anotar BARC-10…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="91" />
        <source>Assign a coach</source>
        <translation>Asignar un coach</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="92" />
        <location filename="../pages/coaches/peer_panel.py" line="309" />
        <source>End coaching</source>
        <translation>Terminar el acompañamiento</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="93" />
        <source>Log a contact</source>
        <translation>Anotar un contacto</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="94" />
        <source>Add a goal</source>
        <translation>Agregar una meta</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="95" />
        <source>Record a BARC-10</source>
        <translation>Anotar un BARC-10</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="110" />
        <source>Set status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="111" />
        <source>Set the goal's status</source>
        <translation>Cambiar el estado de la meta</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="114" />
        <source>Chosen goal:</source>
        <translation>Meta elegida:</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="104" />
        <location filename="../pages/coaches/peer_panel.py" line="140" />
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="107" />
        <location filename="../pages/coaches/peer_panel.py" line="141" />
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="142" />
        <source>BARC-10</source>
        <translation>BARC-10</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="138" />
        <location filename="../pages/coaches/peer_panel.py" line="143" />
        <source>Coaches over time</source>
        <translation>Coaches a lo largo del tiempo</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="128" />
        <source>BARC-10 scores</source>
        <translation>Puntajes del BARC-10</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="201" />
        <source>Reassign…</source>
        <translation>Reasignar…</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="223" />
        <source>Coaching notes are for the peer's own coach.</source>
        <translation>Las notas de acompañamiento son para el coach de cada participante.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="251" />
        <source>Coach: %1, since %2.</source>
        <translation>Coach: %1, desde %2.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="257" />
        <source>No coach yet: on the waitlist since %1.</source>
        <translation>Aún sin coach: en lista de espera desde %1.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="261" />
        <source>No coach yet.</source>
        <translation>Aún sin coach.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="267" />
        <source>a %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="269" />
        <source>speaks %1</source>
        <translation>habla %1</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="271" />
        <source>Asked for: %1.</source>
        <translation>Pidió: %1.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="277" />
        <source>No BARC-10 yet. It is optional: at intake and later, if they wish.</source>
        <translation>Aún no hay BARC-10. Es opcional: en el registro inicial y después, si la persona quiere.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="279" />
        <source>Latest total %1 of 60 (%2).</source>
        <translation>Último total %1 de 60 (%2).</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="284" />
        <source>%1 since the first.</source>
        <translation>%1 desde el primero.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="299" />
        <source>Now with %1.</source>
        <translation>Ahora con %1.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="301" />
        <source>On the waitlist.</source>
        <translation>En lista de espera.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="311" />
        <source>Why does %1's coaching with %2 end? (kept in their history)</source>
        <translation>¿Por qué termina el acompañamiento de %1 con %2? (queda en su historial)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="321" />
        <source>Coaching ended; it stays in their history.</source>
        <translation>El acompañamiento terminó; queda en su historial.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="332" />
        <source>Contact logged.</source>
        <translation>Contacto anotado.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="338" />
        <source>Goal added.</source>
        <translation>Meta agregada.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="346" />
        <source>BARC-10 recorded.</source>
        <translation>BARC-10 anotado.</translation>
    </message>
    <message>
        <location filename="../pages/coaches/peer_panel.py" line="364" />
        <source>Goal updated.</source>
        <translation>Meta actualizada.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../pages/people/controller.py" line="92" />
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="96" />
        <source>Open the highlighted person's record</source>
        <translation>Abrir la ficha de la persona marcada</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="98" />
        <source>Find someone</source>
        <translation>Buscar a alguien</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="99" />
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="100" />
        <source>Reload the record</source>
        <translation>Volver a cargar la ficha</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="101" />
        <source>Merge with another record</source>
        <translation>Unir con otra ficha</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="102" />
        <source>Their sign-in card</source>
        <translation>Su tarjeta de registro</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="105" />
        <source>Their data (a copy, or removal)</source>
        <translation>Sus datos (una copia, o borrarlos)</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="108" />
        <source>Privacy: full names or initials</source>
        <translation>Privacidad: nombres completos o iniciales</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="114" />
        <source>Start a referral for them</source>
        <translation>Empezar un referido para esta persona</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="118" />
        <source>Assign coach… (Ctrl+Shift+G)</source>
        <translation>Asignar coach… (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="205" />
        <source>Your unsaved changes are back, but this record was saved elsewhere since: check them before saving.</source>
        <translation>Sus cambios sin guardar volvieron, pero esta ficha se guardó en otra estación mientras tanto: revíselos antes de guardar.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="210" />
        <source>Unsaved changes from before were restored.</source>
        <translation>Se recuperaron cambios sin guardar de antes.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="252" />
        <source>This record was changed on another station. Your unsaved edits are kept: saving will say what changed, and Reload brings theirs in under yours.</source>
        <translation>Esta ficha se cambió en otra estación. Sus cambios se conservan: al guardar verá qué cambió, y Volver a cargar trae los de la otra estación debajo de los suyos.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="256" />
        <source>This record was merged or removed on another station.</source>
        <translation>Esta ficha se unió con otra o se borró en otra estación.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="298" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="306" />
        <source>Not saved: your changes are still here.</source>
        <translation>No se guardó: sus cambios siguen aquí.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="321" />
        <source>Merged. The history of both is here.</source>
        <translation>Unidas. Aquí está el historial de ambas.</translation>
    </message>
    <message>
        <location filename="../pages/people/controller.py" line="339" />
        <source>Open a record to see and edit it.</source>
        <translation>Abra una ficha para verla y editarla.</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../pages/people/view.py" line="42" />
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="44" />
        <source>Privacy: first name and last initial</source>
        <translation>Privacidad: nombre e inicial del apellido</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="53" />
        <source>Find anyone</source>
        <translation>Buscar a cualquiera</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="55" />
        <source>Find anyone: name, phone digits or birth year</source>
        <translation>Buscar a cualquiera: nombre, dígitos del teléfono o año de nacimiento</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="58" />
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="61" />
        <source>Open record (Enter)</source>
        <translation>Abrir ficha (Enter)</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="69" />
        <source>Open a record to see and edit it.</source>
        <translation>Abra una ficha para verla y editarla.</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="71" />
        <source>Opening a record is recorded in the activity log.</source>
        <translation>Abrir una ficha queda anotado en el registro de actividad.</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="74" />
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="76" />
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="77" />
        <source>Merge with another record…</source>
        <translation>Unir con otra ficha…</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="78" />
        <source>Their data…</source>
        <translation>Sus datos…</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="81" />
        <source>At their request: everything about them as a file, or their record removed</source>
        <translation>A pedido de la persona: todo lo suyo en un archivo, o borrar su ficha</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="85" />
        <source>Start a referral (Ctrl+R)</source>
        <translation>Empezar un referido (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="91" />
        <source>Sign-in card…</source>
        <translation>Tarjeta de registro…</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="94" />
        <source>Print a card they scan to sign in, or stop a lost one</source>
        <translation>Imprimir una tarjeta que escanea al llegar, o anular una perdida</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="109" />
        <source>Their visits</source>
        <translation>Sus visitas</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="123" />
        <source>Assign coach…</source>
        <translation>Asignar coach…</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="131" />
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../pages/people/view.py" line="135" />
        <source>Coaching</source>
        <translation>Acompañamiento</translation>
    </message>
</context>
<context>
    <name>PersonDataRequests</name>
    <message>
        <location filename="../pages/people/data_requests.py" line="35" />
        <source>Export everything about them (PDF)…</source>
        <translation>Exportar todo lo suyo (PDF)…</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="36" />
        <source>Export everything about them (JSON)…</source>
        <translation>Exportar todo lo suyo (JSON)…</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="38" />
        <source>Remove their record at their request…</source>
        <translation>Borrar su ficha a su pedido…</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="46" />
        <source>Export everything about %1</source>
        <translation>Exportar todo lo de %1</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="56" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="59" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="82" />
        <source>Everything about them is saved to %1. It is confidential: hand it to them, and delete the file from this station.</source>
        <translation>Todo lo suyo quedó guardado en %1. Es confidencial: entrégueselo y borre el archivo de esta estación.</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="99" />
        <source>Remove this record?</source>
        <translation>¿Borrar esta ficha?</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="102" />
        <source>Remove %1's record at their request? Their details, coaching notes, goals, consents and notes are deleted and cannot be brought back. Their visits stay as anonymous counts, and the activity log keeps that a record was removed, without their name.

Export their data first if they want a copy.</source>
        <translation>¿Borrar la ficha de %1 a su pedido? Sus datos, notas de acompañamiento, metas, consentimientos y notas se borran y no se pueden recuperar. Sus visitas quedan como conteos anónimos, y el registro de actividad guarda que se borró una ficha, sin su nombre.

Si quiere una copia, exporte sus datos primero.</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="116" />
        <source>Confirm the removal</source>
        <translation>Confirmar el borrado</translation>
    </message>
    <message>
        <location filename="../pages/people/data_requests.py" line="117" />
        <source>Type their first name to confirm:</source>
        <translation>Escriba su nombre para confirmar:</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/people/data_requests.py" line="126" />
        <source>The record was removed; %n visit(s) kept as anonymous counts.</source>
        <translation>
            <numerusform>Se borró la ficha; %n visita queda como conteo anónimo.</numerusform>
            <numerusform>Se borró la ficha; %n visitas quedan como conteos anónimos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../widgets/person_form.py" line="113" />
        <location filename="../widgets/person_form.py" line="181" />
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="122" />
        <source>First name or initials *</source>
        <translation>Nombre o iniciales *</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="123" />
        <source>needed: a first name or initials is enough</source>
        <translation>necesario: basta un nombre o las iniciales</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="125" />
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="126" />
        <source>Goes by</source>
        <translation>Le dicen</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="127" />
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="129" />
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="131" />
        <source>Birth year or date</source>
        <translation>Año o fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="131" />
        <source>optional: 1985, or 3/14/1985</source>
        <translation>opcional: 1985, o 3/14/1985</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="133" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="133" />
        <source>optional: 508 555 0142</source>
        <translation>opcional: 508 555 0142</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="134" />
        <source>May call</source>
        <translation>Se puede llamar</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="135" />
        <source>May text</source>
        <translation>Se pueden enviar textos</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="136" />
        <source>May leave a message</source>
        <translation>Se puede dejar mensaje</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="141" />
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="143" />
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="146" />
        <source>not asked</source>
        <translation>no se preguntó</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="151" />
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="154" />
        <source>Peer (in or seeking recovery)</source>
        <translation>Participante (en recuperación o buscándola)</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="155" />
        <source>Family member or ally</source>
        <translation>Familiar o aliado</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="158" />
        <source>Here as</source>
        <translation>Viene como</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="159" />
        <source>Town</source>
        <translation>Pueblo o ciudad</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="161" />
        <source>How they heard of us</source>
        <translation>Cómo supo de nosotros</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="163" />
        <source>Recovery pathway</source>
        <translation>Camino de recuperación</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="163" />
        <source>optional: their own words</source>
        <translation>opcional: en sus propias palabras</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="167" />
        <source>optional; no clinical details</source>
        <translation>opcional; sin datos clínicos</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="172" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../widgets/person_form.py" line="190" />
        <source>Partly checked: not asked yet</source>
        <translation>Verificado en parte: aún no se preguntó</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="20" />
        <source>Who is this referral for?</source>
        <translation>¿Para quién es este referido?</translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="24" />
        <source>Find them: name, phone digits or birth year</source>
        <translation>Buscar: nombre, dígitos del teléfono o año de nacimiento</translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="25" />
        <source>Name, phone digits or birth year</source>
        <translation>Nombre, dígitos del teléfono o año de nacimiento</translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="29" />
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <location filename="../pages/referrals/person_picker.py" line="71" />
        <source>Find the person first, or cancel.</source>
        <translation>Primero busque a la persona, o cancele.</translation>
    </message>
</context>
<context>
    <name>PersonReferralsPanel</name>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="64" />
        <source>Referrals</source>
        <translation>Referidos</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="66" />
        <source>Start a referral for them</source>
        <translation>Empezar un referido para esta persona</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="68" />
        <location filename="../pages/people/referrals_panel.py" line="104" />
        <source>Refer again</source>
        <translation>Referir otra vez</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="79" />
        <source>Their referrals</source>
        <translation>Sus referidos</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="82" />
        <source>Consents to share (42 CFR Part 2)</source>
        <translation>Consentimientos para compartir (42 CFR parte 2)</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="84" />
        <source>New consent…</source>
        <translation>Consentimiento nuevo…</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="86" />
        <source>Signed form is back</source>
        <translation>Llegó el formulario firmado</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="88" />
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="90" />
        <source>Print form…</source>
        <translation>Imprimir formulario…</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="107" />
        <source>New consent</source>
        <translation>Consentimiento nuevo</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="108" />
        <source>The signed consent form is back</source>
        <translation>Llegó el formulario de consentimiento firmado</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="109" />
        <source>Revoke the chosen consent</source>
        <translation>Revocar el consentimiento elegido</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="110" />
        <source>Print the chosen consent's form</source>
        <translation>Imprimir el formulario del consentimiento elegido</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="115" />
        <source>Their consents</source>
        <translation>Sus consentimientos</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="190" />
        <source>Choose one of their referrals first.</source>
        <translation>Primero elija uno de sus referidos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/people/referrals_panel.py" line="207" />
        <source>%n service(s) added to the referral.</source>
        <translation>
            <numerusform>%n servicio agregado al referido.</numerusform>
            <numerusform>%n servicios agregados al referido.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="216" />
        <source>Choose a consent first.</source>
        <translation>Primero elija un consentimiento.</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="254" />
        <source>Only a consent awaiting its signature can have one recorded.</source>
        <translation>Solo se puede anotar la firma de un consentimiento que la espera.</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="259" />
        <source>Signature recorded.</source>
        <translation>Firma anotada.</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="268" />
        <source>Revoke consent</source>
        <translation>Revocar el consentimiento</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="269" />
        <source>How and when did they revoke it (or what ended it)?</source>
        <translation>¿Cómo y cuándo lo revocó (o qué le puso fin)?</translation>
    </message>
    <message>
        <location filename="../pages/people/referrals_panel.py" line="288" />
        <source>Consent revoked.</source>
        <translation>Consentimiento revocado.</translation>
    </message>
</context>
<context>
    <name>PhoneType</name>
    <message>
        <location filename="../formatting.py" line="115" />
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="116" />
        <source>Text only</source>
        <translation>Solo texto</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="117" />
        <source>TTY</source>
        <translation>TTY</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="118" />
        <source>Pager</source>
        <translation>Buscapersonas</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="119" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="120" />
        <source>Cell</source>
        <translation>Celular</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../printing/printer_messages.py" line="17" />
        <source>The printer “{name}” is not set up on this computer.</source>
        <translation>La impresora “{name}” no está configurada en esta computadora.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="21" />
        <source>No printer is chosen, or the chosen one is not set up on this computer.</source>
        <translation>No hay impresora elegida, o la elegida no está configurada en esta computadora.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="27" />
        <source>The printer “{name}” is not set up on this computer any more.</source>
        <translation>La impresora “{name}” ya no está configurada en esta computadora.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="31" />
        <source>The printer “{name}” is stopped: it may be off, jammed, out of paper or paused.</source>
        <translation>La impresora “{name}” está detenida: puede estar apagada, atascada, sin papel o en pausa.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="38" />
        <source>The printer “{name}” has no {paper} paper.</source>
        <translation>La impresora “{name}” no tiene papel {paper}.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="41" />
        <source>The printer “{name}” could not be opened.</source>
        <translation>No se pudo abrir la impresora “{name}”.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="45" />
        <source>Page {page} could not be prepared for printing (out of memory?).</source>
        <translation>No se pudo preparar la página {page} para imprimir (¿falta memoria?).</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="51" />
        <source>The printer “{name}” reported an error while printing.</source>
        <translation>La impresora “{name}” avisó de un error al imprimir.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="54" />
        <source>Could not save {path}: {why}.</source>
        <translation>No se pudo guardar {path}: {why}.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="59" />
        <source>Choose another printer, or save the sheet as PDF.</source>
        <translation>Elija otra impresora, o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="63" />
        <source>Choose a printer in Print…, or save the sheet as PDF.</source>
        <translation>Elija una impresora en Imprimir…, o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="67" />
        <source>Nothing was sent to it. Check the printer (and its queue in the system's printer settings), then press Print again; or choose another printer, or save the sheet as PDF.</source>
        <translation>No se le envió nada. Revise la impresora (y su cola en la configuración de impresoras del sistema) y vuelva a pulsar Imprimir; o elija otra impresora, o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="75" />
        <source>Choose a printer that takes US Letter, or save the sheet as PDF.</source>
        <translation>Elija una impresora que use papel carta (US Letter), o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="81" />
        <source>Check that it is on and connected, then press Print again; or save the sheet as PDF.</source>
        <translation>Revise que esté encendida y conectada y vuelva a pulsar Imprimir; o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="88" />
        <source>Close other programs and print again, or save the sheet as PDF.</source>
        <translation>Cierre otros programas y vuelva a imprimir, o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="94" />
        <source>Check the printer and its queue, then press Print again; or save the sheet as PDF.</source>
        <translation>Revise la impresora y su cola y vuelva a pulsar Imprimir; o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../printing/printer_messages.py" line="100" />
        <source>Choose another folder.</source>
        <translation>Elija otra carpeta.</translation>
    </message>
</context>
<context>
    <name>PurposeBar</name>
    <message>
        <location filename="../pages/front_desk/purpose_bar.py" line="35" />
        <source>kits: </source>
        <translation>kits: </translation>
    </message>
    <message>
        <location filename="../pages/front_desk/purpose_bar.py" line="42" />
        <source>Here for:</source>
        <translation>Viene por:</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="65" />
        <source>Visit purpose</source>
        <translation>Motivo de visita</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="68" />
        <source>Ask how many (kits, for example)</source>
        <translation>Preguntar cuántos (kits, por ejemplo)</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="70" />
        <source>In use at the desk</source>
        <translation>En uso en recepción</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="73" />
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="74" />
        <source>In Spanish</source>
        <translation>En español</translation>
    </message>
</context>
<context>
    <name>PurposesEditor</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="116" />
        <source>Visit purposes</source>
        <translation>Motivos de visita</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="128" />
        <source>Add…</source>
        <translation>Agregar…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="129" />
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="130" />
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="131" />
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="137" />
        <source>Add a purpose</source>
        <translation>Agregar un motivo</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="138" />
        <source>Edit the chosen purpose</source>
        <translation>Editar el motivo elegido</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="139" />
        <source>Move the chosen purpose up</source>
        <translation>Subir el motivo elegido</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="140" />
        <source>Move the chosen purpose down</source>
        <translation>Bajar el motivo elegido</translation>
    </message>
</context>
<context>
    <name>PurposesTableModel</name>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="36" />
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="37" />
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="38" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="39" />
        <source>Counts items</source>
        <translation>Cuenta artículos</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="40" />
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="51" />
        <location filename="../pages/center_settings/purposes_editor.py" line="52" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/purposes_editor.py" line="52" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../models/queue_table.py" line="38" />
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="39" />
        <location filename="../models/queue_table.py" line="46" />
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="40" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="41" />
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="42" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="43" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="47" />
        <source>With coach</source>
        <translation>Con coach</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="48" />
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="49" />
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="98" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="108" />
        <source> · signed in at the door</source>
        <translation> · llegó por el quiosco</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="110" />
        <source> · by card</source>
        <translation> · con tarjeta</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="116" />
        <source>%1 (their coach)</source>
        <translation>%1 (su coach)</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="118" />
        <source>%1 (asked for)</source>
        <translation>%1 (lo pidió)</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="127" />
        <source>Their coach: %1</source>
        <translation>Su coach: %1</translation>
    </message>
    <message>
        <location filename="../models/queue_table.py" line="129" />
        <source>Asked for: %1</source>
        <translation>Pidió: %1</translation>
    </message>
</context>
<context>
    <name>ReferralBuilder</name>
    <message>
        <location filename="../pages/referrals/builder.py" line="105" />
        <source>Choose whom the sheet is for</source>
        <translation>Elegir para quién es la hoja</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="106" />
        <source>Make the sheet anonymous</source>
        <translation>Hacer la hoja anónima</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="107" />
        <source>English or Spanish</source>
        <translation>Inglés o español</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="108" />
        <source>Large print, or not</source>
        <translation>Letra grande, o no</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="109" />
        <source>The coach on the sheet</source>
        <translation>El coach en la hoja</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="110" />
        <source>Show their name, or not</source>
        <translation>Poner su nombre, o no</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="111" />
        <source>Add from Resources</source>
        <translation>Agregar desde Recursos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="112" />
        <source>Move the chosen service up</source>
        <translation>Subir el servicio elegido</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="113" />
        <source>Move the chosen service down</source>
        <translation>Bajar el servicio elegido</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="114" />
        <source>Remove the chosen service</source>
        <translation>Quitar el servicio elegido</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="115" />
        <source>Write the next steps</source>
        <translation>Escribir los próximos pasos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="116" />
        <source>Prepare the consent form</source>
        <translation>Preparar el formulario de consentimiento</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="117" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="118" />
        <source>Print to the default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="119" />
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="120" />
        <source>Print the last referral again</source>
        <translation>Volver a imprimir el último referido</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="121" />
        <source>New referral</source>
        <translation>Referido nuevo</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="124" />
        <source>The sheet's language (Ctrl+Shift+E)</source>
        <translation>El idioma de la hoja (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="125" />
        <source>The coach printed on the sheet (Ctrl+Shift+C)</source>
        <translation>El coach impreso en la hoja (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="126" />
        <source>Next steps, in their words (Ctrl+Shift+T)</source>
        <translation>Próximos pasos, en sus palabras (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="173" />
        <source>Anonymous: no name on the sheet or in the log</source>
        <translation>Anónimo: sin nombre en la hoja ni en el registro</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="176" />
        <source>%1 (#%2)</source>
        <translation>%1 (n.º %2)</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="196" />
        <source>Print and Save wait: %1</source>
        <translation>Imprimir y Guardar esperan: %1</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="197" />
        <source>Print and Save wait:</source>
        <translation>Imprimir y Guardar esperan:</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="243" />
        <source>Add services from Resources (Alt+3) or from a person's record.</source>
        <translation>Agregue servicios desde Recursos (Alt+3) o desde la ficha de una persona.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="265" />
        <source>Their name can go on the sheet once they consent for: %1</source>
        <translation>Su nombre puede ir en la hoja cuando dé su consentimiento para: %1</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="281" />
        <source>Add at least one service first.</source>
        <translation>Primero agregue al menos un servicio.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="316" />
        <source>Preparing the sheet…</source>
        <translation>Preparando la hoja…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="326" />
        <source>Sending to %1…</source>
        <translation>Enviando a %1…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="338" />
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="338" />
        <source>Printed on %1.</source>
        <translation>Impreso en %1.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="343" />
        <source>Referral #%1 is logged; follow up on %2. Ready for the next person.</source>
        <translation>El referido n.º %1 quedó anotado; seguimiento el %2. Listo para la próxima persona.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="386" />
        <source>The referral is logged (#%1), once: press “%2” when the printer is ready; it will not be logged twice.</source>
        <translation>El referido quedó anotado (n.º %1), una sola vez: pulse “%2” cuando la impresora esté lista; no se anotará dos veces.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="402" />
        <source>Save referral #%1 again…</source>
        <translation>Guardar otra vez el referido n.º %1…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/builder.py" line="404" />
        <source>Print referral #%1 again</source>
        <translation>Imprimir otra vez el referido n.º %1</translation>
    </message>
</context>
<context>
    <name>ReferralLogTableModel</name>
    <message>
        <location filename="../models/referral_log_table.py" line="25" />
        <source>Given</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="26" />
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="27" />
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="28" />
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="29" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="30" />
        <source>Follow up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="31" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="34" />
        <source>Awaiting</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="35" />
        <source>Connected</source>
        <translation>Conectó</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="36" />
        <source>Not connected</source>
        <translation>No conectó</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="37" />
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="65" />
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="71" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../models/referral_log_table.py" line="71" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../pages/referrals/page.py" line="23" />
        <location filename="../pages/referrals/page.py" line="56" />
        <source>Referrals</source>
        <translation>Referidos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="25" />
        <source>Print a category handout…</source>
        <translation>Imprimir una hoja informativa por categoría…</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="28" />
        <source>Every current service of one category, for the rack by the door</source>
        <translation>Todos los servicios vigentes de una categoría, para el exhibidor de la entrada</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="38" />
        <source>Referral sheet</source>
        <translation>Hoja de referidos</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="40" />
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="51" />
        <source>Print a category handout</source>
        <translation>Imprimir una hoja informativa por categoría</translation>
    </message>
    <message>
        <location filename="../pages/referrals/page.py" line="52" />
        <source>The referral sheet, or the follow-up</source>
        <translation>La hoja de referidos, o el seguimiento</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="26" />
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="27" />
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="28" />
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="29" />
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="30" />
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="31" />
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="32" />
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="33" />
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="34" />
        <source>Sep</source>
        <translation>sept</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="35" />
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="36" />
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="37" />
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="125" />
        <source>Attendance at our groups</source>
        <translation>Asistencia a nuestros grupos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="128" />
        <source>everyone recorded at a meeting, and those counted without signing in</source>
        <translation>todas las personas anotadas en una reunión, y las contadas sin registrar su llegada</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="134" />
        <source>Meetings held with attendance</source>
        <translation>Reuniones con asistencia</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="137" />
        <source>meetings someone was recorded at</source>
        <translation>reuniones en que se anotó a alguien</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="141" />
        <source>Counted without signing in</source>
        <translation>Contadas sin registrar su llegada</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="144" />
        <source>the facilitators' counts of those who did not sign in</source>
        <translation>lo que contaron quienes dirigen, de quienes no registraron su llegada</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="154" />
        <source>Attendance by group</source>
        <translation>Asistencia por grupo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="156" />
        <location filename="../../desk/reports/group_attendance.py" line="182" />
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="157" />
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="158" />
        <source>Attended</source>
        <translation>Asistieron</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="159" />
        <source>Of them without signing in</source>
        <translation>De ellas, sin registrar su llegada</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="160" />
        <location filename="../../desk/reports/model.py" line="134" />
        <location filename="../../desk/reports/team_sections.py" line="68" />
        <location filename="../../desk/reports/team_sections.py" line="88" />
        <location filename="../../desk/reports/team_sections.py" line="196" />
        <location filename="../../desk/reports/visit_sections.py" line="129" />
        <location filename="../../desk/reports/visit_sections.py" line="144" />
        <location filename="../../desk/reports/visit_sections.py" line="198" />
        <location filename="../../desk/reports/visit_sections.py" line="241" />
        <location filename="../../desk/reports/visit_sections.py" line="257" />
        <source>Previous period</source>
        <translation>Período anterior</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="161" />
        <location filename="../../desk/reports/model.py" line="135" />
        <location filename="../../desk/reports/team_sections.py" line="69" />
        <location filename="../../desk/reports/team_sections.py" line="194" />
        <location filename="../../desk/reports/visit_sections.py" line="130" />
        <location filename="../../desk/reports/visit_sections.py" line="145" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="180" />
        <source>Attendance by group and month</source>
        <translation>Asistencia por grupo y mes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="184" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desk/reports/group_attendance.py" line="198" />
        <source>Our groups</source>
        <translation>Nuestros grupos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/model.py" line="129" />
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../desk/reports/model.py" line="131" />
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <location filename="../../desk/reports/model.py" line="132" />
        <source>Figure</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../desk/reports/model.py" line="133" />
        <source>This period</source>
        <translation>Este período</translation>
    </message>
    <message>
        <location filename="../../desk/reports/model.py" line="136" />
        <source>Change (%)</source>
        <translation>Cambio (%)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="33" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="34" />
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="35" />
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="36" />
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="37" />
        <source>This quarter</source>
        <translation>Este trimestre</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="38" />
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <location filename="../../desk/reports/periods.py" line="39" />
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="12" />
        <source>Connected</source>
        <translation>Conectó</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="13" />
        <source>Not connected</source>
        <translation>No conectó</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="14" />
        <source>Outcome unknown</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="15" />
        <source>Not followed up yet</source>
        <translation>Aún sin seguimiento</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="39" />
        <source>Referral sheets given</source>
        <translation>Hojas de referidos entregadas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="45" />
        <source>Services referred to</source>
        <translation>Servicios a los que se refirió</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="48" />
        <source>each service on a sheet</source>
        <translation>cada servicio en una hoja</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="52" />
        <source>Connected rate</source>
        <translation>Tasa de conexión</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="56" />
        <source>connected, of the referrals followed up (pending ones left out)</source>
        <translation>conectaron, de los referidos con seguimiento (sin contar los pendientes)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="64" />
        <source>Services referred to, by category</source>
        <translation>Servicios referidos, por categoría</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="66" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="67" />
        <source>Services referred</source>
        <translation>Servicios referidos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="84" />
        <source>Referral outcomes</source>
        <translation>Resultados de los referidos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="86" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="87" />
        <location filename="../../desk/reports/team_sections.py" line="111" />
        <source>Referrals</source>
        <translation>Referidos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="98" />
        <source>Services referred to, by category and outcome</source>
        <translation>Servicios referidos, por categoría y resultado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="122" />
        <source>Coaching contacts</source>
        <translation>Contactos de acompañamiento</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="128" />
        <source>Peers reached by a contact</source>
        <translation>Participantes alcanzados por un contacto</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="134" />
        <source>Coaching started</source>
        <translation>Acompañamientos iniciados</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="137" />
        <source>peers paired with a coach</source>
        <translation>participantes a quienes se asignó coach</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="141" />
        <source>Coaching ended</source>
        <translation>Acompañamientos terminados</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="147" />
        <source>Peers with a coach at the end</source>
        <translation>Participantes con coach al final</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="153" />
        <source>Overdue follow-ups at the end</source>
        <translation>Seguimientos atrasados al final</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="156" />
        <source>peers whose planned follow-up date had passed</source>
        <translation>participantes cuya fecha de seguimiento ya había pasado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="160" />
        <source>Peers with a BARC-10 change</source>
        <translation>Participantes con cambio en el BARC-10</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="163" />
        <source>scored in the period, with two or more scores</source>
        <translation>evaluados en el período, con dos o más puntajes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="167" />
        <source>Average BARC-10 change (points)</source>
        <translation>Cambio promedio del BARC-10 (puntos)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="171" />
        <source>latest score minus first score, out of 10-60</source>
        <translation>último puntaje menos el primero, de 10 a 60</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="177" />
        <source>Caseloads per coach at the end of the period</source>
        <translation>Casos asignados por coach al final del período</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="179" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="180" />
        <source>Active peers</source>
        <translation>Participantes activos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="181" />
        <source>Caseload limit</source>
        <translation>Límite de casos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="182" />
        <source>At the end of the previous period</source>
        <translation>Al final del período anterior</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="192" />
        <source>BARC-10 change (peers with two or more scores)</source>
        <translation>Cambio del BARC-10 (participantes con dos o más puntajes)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="195" />
        <source>Peers</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="199" />
        <source>Higher</source>
        <translation>Más alto</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="201" />
        <source>Unchanged</source>
        <translation>Igual</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="205" />
        <source>Lower</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="211" />
        <source>Caseloads per coach (active peers; the mark is the limit)</source>
        <translation>Casos asignados por coach (participantes activos; la marca es el límite)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/team_sections.py" line="218" />
        <source>Coaching</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="11" />
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="12" />
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="13" />
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="14" />
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="15" />
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="16" />
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="17" />
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="33" />
        <location filename="../../desk/reports/visit_sections.py" line="81" />
        <location filename="../../desk/reports/visit_sections.py" line="128" />
        <location filename="../../desk/reports/visit_sections.py" line="197" />
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="36" />
        <source>sign-ins not undone</source>
        <translation>llegadas no deshechas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="40" />
        <source>Unique people</source>
        <translation>Personas distintas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="43" />
        <source>people with a record who came at least once</source>
        <translation>personas con ficha que vinieron al menos una vez</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="47" />
        <source>New people</source>
        <translation>Personas nuevas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="50" />
        <source>their first visit ever was in the period</source>
        <translation>su primera visita fue en el período</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="54" />
        <source>Returning people</source>
        <translation>Personas que regresan</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="57" />
        <source>they had come before the period</source>
        <translation>ya habían venido antes del período</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="61" />
        <source>Anonymous visits</source>
        <translation>Visitas anónimas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="64" />
        <source>no record named (anonymous, or a record removed at the person's request)</source>
        <translation>sin ficha (anónimas, o de una ficha borrada a pedido de la persona)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="77" />
        <location filename="../../desk/reports/visit_sections.py" line="90" />
        <source>Visits per day</source>
        <translation>Visitas por día</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="79" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="80" />
        <source>Weekday</source>
        <translation>Día de la semana</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="82" />
        <source>Previous period's day</source>
        <translation>Día del período anterior</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="83" />
        <source>Visits then</source>
        <translation>Visitas entonces</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="101" />
        <source>Visits and people</source>
        <translation>Visitas y personas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="119" />
        <source>kits or items counted at sign-in</source>
        <translation>kits o artículos contados al registrar la llegada</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="125" />
        <source>Visits by purpose</source>
        <translation>Visitas por motivo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="127" />
        <location filename="../../desk/reports/visit_sections.py" line="142" />
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="140" />
        <source>Naloxone and harm-reduction supplies given</source>
        <translation>Naloxona y suministros de reducción de daños entregados</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="143" />
        <source>Items given</source>
        <translation>Artículos entregados</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="155" />
        <source>Why they came</source>
        <translation>Por qué vinieron</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="170" />
        <source>Visits that waited for a coach</source>
        <translation>Visitas que esperaron a un coach</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="173" />
        <source>visits started with a coach</source>
        <translation>visitas que empezaron con un coach</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="177" />
        <source>Average wait (minutes)</source>
        <translation>Espera promedio (minutos)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="181" />
        <source>from arrival until a coach started with them</source>
        <translation>desde la llegada hasta que un coach empezó con la persona</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="185" />
        <source>90th-percentile wait (minutes)</source>
        <translation>Espera del percentil 90 (minutos)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="189" />
        <source>9 in 10 waited this long or less</source>
        <translation>9 de cada 10 esperaron esto o menos</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="194" />
        <source>Visits by day of the week</source>
        <translation>Visitas por día de la semana</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="196" />
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="206" />
        <source>Visits by hour of arrival and day of the week (this period)</source>
        <translation>Visitas por hora de llegada y día de la semana (este período)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="207" />
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="215" />
        <source>Busy times: visits by hour and day</source>
        <translation>Horas de más movimiento: visitas por hora y día</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="226" />
        <source>Busy times and waits</source>
        <translation>Horas de más movimiento y esperas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="237" />
        <source>Languages people asked for (people who came)</source>
        <translation>Idiomas que pidieron las personas (personas que vinieron)</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="239" />
        <location filename="../../desk/reports/visit_sections.py" line="255" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="240" />
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="253" />
        <source>Referral sheets by language</source>
        <translation>Hojas de referidos por idioma</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="256" />
        <source>Sheets</source>
        <translation>Hojas</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="268" />
        <source>People who asked for a language other than English</source>
        <translation>Personas que pidieron un idioma que no es inglés</translation>
    </message>
    <message>
        <location filename="../../desk/reports/visit_sections.py" line="273" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../pages/reports/words.py" line="20" />
        <source>%1: items given</source>
        <translation>%1: artículos entregados</translation>
    </message>
    <message>
        <location filename="../models/report_table.py" line="21" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../models/report_table.py" line="23" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <location filename="../pages/reports/words.py" line="114" />
        <source>%1 %2</source>
        <comment>a month and its year</comment>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports/page.py" line="84" />
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="84" />
        <source>Today's counts</source>
        <translation>Números de hoy</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="139" />
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="141" />
        <source>%1, compared with %2.</source>
        <translation>%1, comparado con %2.</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="146" />
        <source> Updating…</source>
        <translation> Actualizando…</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="199" />
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="215" />
        <source>Export de-identified visits</source>
        <translation>Exportar visitas sin datos personales</translation>
    </message>
    <message>
        <location filename="../pages/reports/page.py" line="227" />
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../pages/reports/view.py" line="39" />
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="47" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="49" />
        <source>Privacy: first name and last initial</source>
        <translation>Privacidad: nombre e inicial del apellido</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="53" />
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="56" />
        <source>Spreadsheet (XLSX), one sheet per table…</source>
        <translation>Hoja de cálculo (XLSX), una hoja por tabla…</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="57" />
        <source>CSV, every table…</source>
        <translation>CSV, todas las tablas…</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="58" />
        <source>Report for funders (PDF)…</source>
        <translation>Informe para financiadores (PDF)…</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="59" />
        <source>De-identified visits (CSV)…</source>
        <translation>Visitas sin datos personales (CSV)…</translation>
    </message>
    <message>
        <location filename="../pages/reports/view.py" line="68" />
        <source>Range:</source>
        <translation>Período:</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="202" />
        <source>Reset %1's password</source>
        <translation>Restablecer la contraseña de %1</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="207" />
        <source>Give %1 a new password, and tell it to them in person. They choose their own at their next sign-in.</source>
        <translation>Dele a %1 una contraseña nueva y dígasela en persona. Elegirá la suya al iniciar sesión la próxima vez.</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="216" />
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="220" />
        <source>New &amp;password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../pages/resources/controller.py" line="123" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="237" />
        <source>%1 of %2 resources</source>
        <translation>%1 de %2 recursos</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="298" />
        <source>From the search to the results (Enter too)</source>
        <translation>De la búsqueda a los resultados (también Enter)</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="300" />
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="301" />
        <source>Verified today</source>
        <translation>Verificado hoy</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="302" />
        <source>Edit the service</source>
        <translation>Editar el servicio</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="303" />
        <source>Walk-ins only, or not</source>
        <translation>Solo sin cita, o no</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="304" />
        <source>The re-verify queue</source>
        <translation>La fila para volver a verificar</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="305" />
        <source>Import HSDS</source>
        <translation>Importar HSDS</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="306" />
        <source>Import a list</source>
        <translation>Importar una lista</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="307" />
        <source>Export HSDS</source>
        <translation>Exportar HSDS</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="311" />
        <source>Add the highlighted service to the referral, back to the search</source>
        <translation>Agregar el servicio marcado al referido y volver a la búsqueda</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="339" />
        <source>Added to the referral (%1 in all).</source>
        <translation>Agregado al referido (%1 en total).</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="341" />
        <source>Already in the referral (%1 in all).</source>
        <translation>Ya está en el referido (%1 en total).</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="362" />
        <source>Verified today by %1.</source>
        <translation>Verificado hoy por %1.</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="394" />
        <source>(Cancel, look at the new details, and edit again.)</source>
        <translation>(Cancele, mire los datos nuevos y vuelva a editar.)</translation>
    </message>
    <message>
        <location filename="../pages/resources/controller.py" line="406" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>ResourcesView</name>
    <message>
        <location filename="../pages/resources/view.py" line="34" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="38" />
        <source>Search the directory</source>
        <translation>Buscar en el directorio</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="40" />
        <source>Search: detox, food, Spanish, a name, a town…</source>
        <translation>Buscar: desintoxicación, comida, español, un nombre, un pueblo…</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="45" />
        <source>Any category</source>
        <translation>Cualquier categoría</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="50" />
        <source>Any time</source>
        <translation>Cualquier hora</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="51" />
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="52" />
        <source>Open 24 hours</source>
        <translation>Abierto 24 horas</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="55" />
        <source>Any language</source>
        <translation>Cualquier idioma</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="58" />
        <source>Any cost</source>
        <translation>Cualquier costo</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="59" />
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="60" />
        <source>Takes insurance</source>
        <translation>Acepta seguro</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="61" />
        <source>Free or insurance</source>
        <translation>Gratis o con seguro</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="64" />
        <source>Any town</source>
        <translation>Cualquier pueblo</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="65" />
        <source>Walk-ins</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="75" />
        <source>Resources found</source>
        <translation>Recursos encontrados</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="95" />
        <source>The chosen resource</source>
        <translation>El recurso elegido</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="99" />
        <source>Add to referral</source>
        <translation>Agregar al referido</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="102" />
        <source>Verified today</source>
        <translation>Verificado hoy</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="104" />
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="132" />
        <source>Re-verify queue…</source>
        <translation>Fila para volver a verificar…</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="134" />
        <source>Import HSDS…</source>
        <translation>Importar HSDS…</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="136" />
        <source>Import a list…</source>
        <translation>Importar una lista…</translation>
    </message>
    <message>
        <location filename="../pages/resources/view.py" line="138" />
        <source>Export HSDS…</source>
        <translation>Exportar HSDS…</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../app.py" line="466" />
        <source>Recovery Desk cannot open the database</source>
        <translation>Recovery Desk no puede abrir la base de datos</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="155" />
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="158" />
        <source>Restoring replaces everything in the center's database with the backup. The database as it is now is kept aside first. Every other station must close Recovery Desk before you restore.</source>
        <translation>Restaurar reemplaza todo lo que hay en la base de datos del centro con la copia. Antes se guarda aparte la base de datos tal como está. Todas las demás estaciones deben cerrar Recovery Desk antes de restaurar.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="176" />
        <source>Another file…</source>
        <translation>Otro archivo…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="182" />
        <source>needed only for an encrypted backup</source>
        <translation>solo para una copia cifrada</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="185" />
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="186" />
        <source>Check and restore…</source>
        <translation>Revisar y restaurar…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="191" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="210" />
        <source>Choose a backup</source>
        <translation>Elija una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="241" />
        <source>No backups in %1.</source>
        <translation>No hay copias de seguridad en %1.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="282" />
        <source>Checking the backup…</source>
        <translation>Revisando la copia…</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="306" />
        <source>This replaces the center's database at %1, which holds %2, with the backup made %3, which holds %4.

Anything recorded after that backup will no longer be in the database. The database as it is now is kept beside it first. Recovery Desk closes and opens again on the restored data.</source>
        <translation>Esto reemplaza la base de datos del centro en %1, que tiene %2, con la copia hecha %3, que tiene %4.

Lo que se anotó después de esa copia ya no estará en la base de datos. Antes se guarda al lado la base de datos tal como está ahora. Recovery Desk se cierra y vuelve a abrir con los datos restaurados.</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="317" />
        <source>Replace the database?</source>
        <translation>¿Reemplazar la base de datos?</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/backup_dialogs.py" line="319" />
        <source>Replace and restore</source>
        <translation>Reemplazar y restaurar</translation>
    </message>
</context>
<context>
    <name>ReverifyQueueDialog</name>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="28" />
        <source>Re-verify queue</source>
        <translation>Fila para volver a verificar</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="34" />
        <source>Resources to verify again</source>
        <translation>Recursos por volver a verificar</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="36" />
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="36" />
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="36" />
        <source>Last verified</source>
        <translation>Verificado por última vez</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="36" />
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="46" />
        <source>Show it to check</source>
        <translation>Mostrarlo para verificar</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="62" />
        <source>%1 resources have not been verified for more than %2 days. Call each one, check the details, then press “Verified today”.</source>
        <translation>%1 recursos no se verifican desde hace más de %2 días. Llame a cada uno, revise los datos y luego pulse “Verificado hoy”.</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="72" />
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../pages/resources/queue_dialog.py" line="75" />
        <source>%1 (%2 days)</source>
        <translation>%1 (%2 días)</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../staff/role_words.py" line="16" />
        <source>front desk</source>
        <translation>recepción</translation>
    </message>
    <message>
        <location filename="../staff/role_words.py" line="17" />
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../staff/role_words.py" line="18" />
        <source>admin</source>
        <translation>administración</translation>
    </message>
    <message>
        <location filename="../staff/role_words.py" line="19" />
        <source>kiosk</source>
        <translation>quiosco</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../models/roster_table.py" line="25" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="26" />
        <location filename="../models/roster_table.py" line="52" />
        <source>On duty</source>
        <translation>De turno</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="27" />
        <source>Peers</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="28" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="29" />
        <source>Specialties</source>
        <translation>Especialidades</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="30" />
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="31" />
        <source>Phone (handouts)</source>
        <translation>Teléfono (hojas)</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="49" />
        <source>%1 (inactive)</source>
        <translation>%1 (inactivo)</translation>
    </message>
    <message>
        <location filename="../models/roster_table.py" line="67" />
        <source>No room: assigning more needs the override, which is recorded.</source>
        <translation>Sin cupo: asignar más necesita pasar el límite, y queda anotado.</translation>
    </message>
</context>
<context>
    <name>ScreensBox</name>
    <message>
        <location filename="../staff/screens_box.py" line="27" />
        <source>Your screens</source>
        <translation>Sus pantallas</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="31" />
        <source>The station's language</source>
        <translation>El idioma de la estación</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="37" />
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="38" />
        <source>High contrast: white on black, yellow focus</source>
        <translation>Alto contraste: blanco sobre negro, foco en amarillo</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="42" />
        <source>Text size and contrast change at once. A new language shows from your next sign-in: the screens open now keep theirs, with whatever is typed in them.</source>
        <translation>El tamaño del texto y el contraste cambian al instante. Un idioma nuevo se ve desde su próximo inicio de sesión: las pantallas abiertas conservan el suyo, con lo que tengan escrito.</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="48" />
        <source>Save my screens</source>
        <translation>Guardar mis pantallas</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="52" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../staff/screens_box.py" line="53" />
        <source>&amp;Text size</source>
        <translation>&amp;Tamaño del texto</translation>
    </message>
</context>
<context>
    <name>SectionWidget</name>
    <message>
        <location filename="../pages/reports/sections.py" line="133" />
        <source>Double-click a row for the list behind it</source>
        <translation>Doble clic en una fila para ver la lista detrás</translation>
    </message>
</context>
<context>
    <name>ServiceDetailAges</name>
    <message numerus="yes">
        <location filename="../pages/resources/detail_html.py" line="33" />
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>hace %n hora</numerusform>
            <numerusform>hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/resources/detail_html.py" line="36" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceDetailPane</name>
    <message>
        <location filename="../pages/resources/detail_html.py" line="45" />
        <source>less than an hour ago</source>
        <translation>hace menos de una hora</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="77" />
        <source>Sample data: verify before use.</source>
        <translation>Datos de ejemplo: verifíquelos antes de usarlos.</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="84" />
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="86" />
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="91" />
        <source>Call for hours</source>
        <translation>Llame para saber el horario</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="99" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="102" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="109" />
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="114" />
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="117" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="118" />
        <source>No: call first</source>
        <translation>No: llame antes</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="121" />
        <source>Walk-ins</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="126" />
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="132" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="138" />
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="144" />
        <source>How to get in</source>
        <translation>Cómo empezar</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="150" />
        <source>Free.</source>
        <translation>Gratis.</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="154" />
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="160" />
        <source>Insurance</source>
        <translation>Seguro médico</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="167" />
        <source>Bring</source>
        <translation>Qué traer</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="172" />
        <source>places</source>
        <translation>lugares</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="174" />
        <source>%1 of %2 %3 free</source>
        <translation>%1 de %2 %3 libres</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="181" />
        <source>counted %1</source>
        <translation>contado %1</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="184" />
        <source>Capacity</source>
        <translation>Cupo</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="187" />
        <source>Never verified</source>
        <translation>Nunca verificado</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="190" />
        <source>%1 by %2 (%3)</source>
        <translation>%1 por %2 (%3)</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="192" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="196" />
        <source>check before referring</source>
        <translation>verifique antes de referir</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="200" />
        <source>Last verified</source>
        <translation>Verificado por última vez</translation>
    </message>
    <message>
        <location filename="../pages/resources/detail_html.py" line="205" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>ServiceEditDialog</name>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="74" />
        <source>Edit resource</source>
        <translation>Editar recurso</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="88" />
        <source>One a line: 508 555 0101; extension; note. A fax, text or TTY line starts with Fax:, Text: or TTY: (also Cell:, Video:, Pager:)</source>
        <translation>Uno por línea: 508 555 0101; extensión; nota. Una línea de fax, texto o TTY empieza con Fax:, Text: o TTY: (también Cell:, Video:, Pager:)</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="94" />
        <source>One a line: MO,TU,WE,TH,FR 08:00-16:00; note (00:00-23:59 for 24 hours)</source>
        <translation>Uno por línea: MO,TU,WE,TH,FR 08:00-16:00; nota (00:00-23:59 para 24 horas)</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="99" />
        <source>One a line, for hours without times: By appointment only – call first</source>
        <translation>Uno por línea, para horarios sin hora: By appointment only – call first</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="102" />
        <source>Kept as they are: %1</source>
        <translation>Se conservan como están: %1</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="112" />
        <source>Walk-ins welcome</source>
        <translation>Se atiende sin cita</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="115" />
        <source>Free for everyone</source>
        <translation>Gratis para todos</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="132" />
        <source>en, es, pt</source>
        <translation>en, es, pt</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="136" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="137" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="138" />
        <source>Alert</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="139" />
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="140" />
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="141" />
        <source>About the hours</source>
        <translation>Sobre el horario</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="143" />
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="144" />
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="145" />
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="146" />
        <source>How to get in</source>
        <translation>Cómo empezar</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="147" />
        <source>Fees</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="148" />
        <source>Insurance</source>
        <translation>Seguro médico</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="151" />
        <source>Beds or slots free</source>
        <translation>Camas o lugares libres</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="152" />
        <source>In all</source>
        <translation>En total</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="153" />
        <source>Counted in</source>
        <translation>Se cuentan en</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="154" />
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="155" />
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../pages/resources/edit_dialog.py" line="156" />
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <location filename="../models/sheet_preview_table.py" line="49" />
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="50" />
        <source>Will be</source>
        <translation>Será</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="51" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="52" />
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="53" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="54" />
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="55" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="56" />
        <source>Repaired or noted</source>
        <translation>Arreglado o anotado</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="69" />
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="69" />
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="77" />
        <source>%1 (no street address)</source>
        <translation>%1 (sin dirección)</translation>
    </message>
    <message>
        <location filename="../models/sheet_preview_table.py" line="78" />
        <source>(no street address)</source>
        <translation>(sin dirección)</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../staff/screens.py" line="129" />
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="131" />
        <source>Each staff member signs in with their own username.</source>
        <translation>Cada integrante del personal inicia sesión con su propio usuario.</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="135" />
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="137" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="138" />
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="139" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="143" />
        <source>&amp;Back to the lock screen</source>
        <translation>&amp;Volver a la pantalla de bloqueo</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="156" />
        <source>A demo with sample data only. Sign in as %1 (an admin), %2 (the front desk) or as one of the sample coaches; every demo account's password is “%3”.</source>
        <translation>Una demostración con datos de ejemplo solamente. Inicie sesión como %1 (administración), %2 (recepción) o como uno de los coaches de ejemplo; la contraseña de todas las cuentas de demostración es “%3”.</translation>
    </message>
    <message>
        <location filename="../staff/screens.py" line="191" />
        <source>Type your username and password.</source>
        <translation>Escriba su usuario y contraseña.</translation>
    </message>
</context>
<context>
    <name>SignedFormDialog</name>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="315" />
        <source>Signed form is back</source>
        <translation>Llegó el formulario firmado</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="325" />
        <source>Consent #%1 to %2. Enter the date the person wrote next to their signature.</source>
        <translation>Consentimiento n.º %1 para %2. Escriba la fecha que la persona puso junto a su firma.</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="335" />
        <source>Record the signature</source>
        <translation>Anotar la firma</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="338" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/referrals/consent_dialog.py" line="340" />
        <source>Date on the signed form:</source>
        <translation>Fecha en el formulario firmado:</translation>
    </message>
</context>
<context>
    <name>SpecialtyTagsDialog</name>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="36" />
        <location filename="../pages/coaches/tags_dialog.py" line="42" />
        <source>Specialty tags</source>
        <translation>Etiquetas de especialidad</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="47" />
        <source>In use (offered for coaches and peers)</source>
        <translation>En uso (se ofrecen para coaches y participantes)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="50" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="51" />
        <source>Spanish name</source>
        <translation>Nombre en español</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="53" />
        <source>Add as new</source>
        <translation>Agregar como nueva</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="54" />
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="84" />
        <source>%1 (retired)</source>
        <translation>%1 (retirada)</translation>
    </message>
    <message>
        <location filename="../pages/coaches/tags_dialog.py" line="135" />
        <source>Saved “%1”.</source>
        <translation>Se guardó “%1”.</translation>
    </message>
</context>
<context>
    <name>StaffAccountDialog</name>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="38" />
        <source>Front desk: sign people in, intake, the queue, pairing with a coach, the directory, referral sheets and handouts.</source>
        <translation>Recepción: registrar llegadas, registro inicial, la fila, asignar un coach, el directorio, hojas de referidos y hojas informativas.</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="43" />
        <source>Coach: all the front desk does, and their own peers' coaching notes, contacts, goals and BARC-10, referral follow-up, editing the directory.</source>
        <translation>Coach: todo lo que hace recepción, y las notas de acompañamiento de sus propios participantes, contactos, metas y BARC-10, seguimiento de referidos, edición del directorio.</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="48" />
        <source>Admin: everything, including staff accounts, Center settings, imports and exports, merging records and the activity log.</source>
        <translation>Administrador: todo, incluidas las cuentas del personal, los ajustes del centro, importar y exportar, unir fichas y el registro de actividad.</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="67" />
        <source>New staff account</source>
        <translation>Cuenta nueva del personal</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="69" />
        <source>Staff account: %1</source>
        <translation>Cuenta del personal: %1</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="75" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="78" />
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="82" />
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="94" />
        <source>First password</source>
        <translation>Primera contraseña</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="97" />
        <source>Can sign in (switch off when someone leaves)</source>
        <translation>Puede iniciar sesión (desactívelo cuando alguien se va)</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="100" />
        <source>May read every caseload's coaching notes</source>
        <translation>Puede leer las notas de acompañamiento de todos los casos</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="105" />
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="106" />
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="107" />
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="110" />
        <source>They choose their own password when they first sign in.</source>
        <translation>Elegirá su propia contraseña la primera vez que inicie sesión.</translation>
    </message>
    <message>
        <location filename="../pages/staff/account_dialog.py" line="112" />
        <source>First &amp;password</source>
        <translation>Primera &amp;contraseña</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../pages/staff/page.py" line="37" />
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="39" />
        <location filename="../pages/staff/page.py" line="51" />
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="43" />
        <source>Everyone who works at the desk signs in as themselves. Their role decides what they may do; switch an account off when someone leaves (their history keeps their name). Coaches' languages and hours are on the Coaches page.</source>
        <translation>Cada persona que trabaja en recepción inicia sesión con su propia cuenta. Su función decide lo que puede hacer; desactive la cuenta cuando alguien se va (su historial conserva su nombre). Los idiomas y horarios de los coaches están en la página Coaches.</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="52" />
        <source>New account… (Ctrl+N)</source>
        <translation>Cuenta nueva… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="53" />
        <source>Change… (Enter)</source>
        <translation>Cambiar… (Enter)</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="54" />
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="61" />
        <source>Reset a password</source>
        <translation>Restablecer una contraseña</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="110" />
        <source>%1 can now sign in as %2.</source>
        <translation>%1 ya puede iniciar sesión como %2.</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="125" />
        <source>%1's account is saved.</source>
        <translation>La cuenta de %1 quedó guardada.</translation>
    </message>
    <message>
        <location filename="../pages/staff/page.py" line="137" />
        <source>%1's password is reset; they choose their own at their next sign-in.</source>
        <translation>La contraseña de %1 se restableció; elegirá la suya al iniciar sesión la próxima vez.</translation>
    </message>
</context>
<context>
    <name>StaffSessions</name>
    <message>
        <location filename="../staff/sessions.py" line="238" />
        <source>%1 signed out.</source>
        <translation>%1 cerró sesión.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../models/staff_table.py" line="22" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="23" />
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="24" />
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="25" />
        <source>Can sign in?</source>
        <translation>¿Puede iniciar sesión?</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="26" />
        <source>Last signed in</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="37" />
        <source>No: switched off</source>
        <translation>No: desactivada</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="39" />
        <source>No: no password yet</source>
        <translation>No: aún sin contraseña</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="41" />
        <source>Locked after wrong passwords</source>
        <translation>Bloqueada por contraseñas equivocadas</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="43" />
        <source>Yes (chooses a new password at sign-in)</source>
        <translation>Sí (elige una contraseña nueva al iniciar sesión)</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="44" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="48" />
        <source> (coach roster)</source>
        <translation> (lista de coaches)</translation>
    </message>
    <message>
        <location filename="../models/staff_table.py" line="55" />
        <source>, sees every caseload's notes</source>
        <translation>, ve las notas de todos los casos</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../start.py" line="88" />
        <source>Making the demo database…</source>
        <translation>Preparando la base de datos de demostración…</translation>
    </message>
    <message>
        <location filename="../start.py" line="90" />
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location filename="../app.py" line="321" />
        <location filename="../start.py" line="99" />
        <source>Recovery Desk cannot start</source>
        <translation>Recovery Desk no puede iniciar</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="15" />
        <source>This station</source>
        <translation>Esta estación</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="22" />
        <source>Language of this station's screens</source>
        <translation>Idioma de las pantallas de esta estación</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="26" />
        <source>The sign-in screen speaks it from the next start, and so do the screens of staff who have not chosen a language of their own (Account…, Your screens).</source>
        <translation>La pantalla de inicio de sesión lo usa desde el próximo inicio, y también las pantallas del personal que no eligió un idioma propio (Cuenta…, Sus pantallas).</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="33" />
        <source>Language of the screens</source>
        <translation>Idioma de las pantallas</translation>
    </message>
    <message>
        <location filename="../pages/center_settings/station_panel.py" line="40" />
        <source>Saved on this station: %1 from the next sign-in.</source>
        <translation>Guardado en esta estación: %1 desde el próximo inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>SuggestionsTableModel</name>
    <message>
        <location filename="../models/suggestions_table.py" line="23" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="24" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="25" />
        <source>Peers</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="26" />
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="27" />
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="28" />
        <source>To know</source>
        <translation>A tener en cuenta</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="49" />
        <source>%1 full</source>
        <translation>%1 completo</translation>
    </message>
    <message>
        <location filename="../models/suggestions_table.py" line="63" />
        <source>Each reason weighs more than all the ones after it together: their wishes (gender 128, language 64, pathway 32), their language 16, a specialty 8, plenty of room 4, on duty 2, worked with them before 1.</source>
        <translation>Cada razón pesa más que todas las siguientes juntas: lo que pidió (género 128, idioma 64, camino 32), su idioma 16, una especialidad 8, cupo de sobra 4, de turno 2, ya trabajó con la persona 1.</translation>
    </message>
</context>
<context>
    <name>TodayAtCenterLine</name>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="46" />
        <location filename="../pages/front_desk/today_at_center.py" line="104" />
        <source>Today at the center</source>
        <translation>Hoy en el centro</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="78" />
        <source>&lt;b&gt;Now:&lt;/b&gt; %1, until %2%3</source>
        <translation>&lt;b&gt;Ahora:&lt;/b&gt; %1, hasta %2%3</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="87" />
        <source>&lt;b&gt;Next:&lt;/b&gt; %1 at %2%3</source>
        <translation>&lt;b&gt;Después:&lt;/b&gt; %1 a las %2%3</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="95" />
        <source>&lt;b&gt;Later:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Más tarde:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="99" />
        <source>&lt;b&gt;Cancelled today:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Cancelado hoy:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="102" />
        <source>No more groups today.</source>
        <translation>No hay más grupos hoy.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="102" />
        <source>No groups today.</source>
        <translation>No hay grupos hoy.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/today_at_center.py" line="108" />
        <source> (cancelled)</source>
        <translation> (cancelado)</translation>
    </message>
</context>
<context>
    <name>TodaysQueue</name>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="88" />
        <source>Here now: %1   ·   Visits today: %2 (%3 anonymous)</source>
        <translation>Aquí ahora: %1   ·   Visitas hoy: %2 (%3 anónimas)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="130" />
        <source>There are no active coaches yet.</source>
        <translation>Aún no hay coaches activos.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="155" />
        <source>An anonymous visitor has no record to hold a coach. Add them as a person first (Ctrl+N), if they wish.</source>
        <translation>Un visitante anónimo no tiene ficha donde anotar un coach. Primero agréguelo como persona (Ctrl+N), si lo desea.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="172" />
        <source>%1 is now with %2.</source>
        <translation>%1 está ahora con %2.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="175" />
        <source>%1 is on the waitlist.</source>
        <translation>%1 está en la lista de espera.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="199" />
        <source>Undo check-out</source>
        <translation>Deshacer salida</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="199" />
        <source>Undo sign-in…</source>
        <translation>Deshacer llegada…</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="208" />
        <source>Checked out %1. Ctrl+U puts them back in the queue, for a minute.</source>
        <translation>Salida registrada: %1. Ctrl+U lo devuelve a la fila, durante un minuto.</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="229" />
        <source>Undo sign-in</source>
        <translation>Deshacer llegada</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="231" />
        <source>Why is %1's sign-in withdrawn? (kept in the activity log)</source>
        <translation>¿Por qué se retira la llegada de %1? (queda en el registro de actividad)</translation>
    </message>
    <message>
        <location filename="../pages/front_desk/todays_queue.py" line="260" />
        <source>%1 is back in the queue.</source>
        <translation>%1 volvió a la fila.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../widgets/trend_chart.py" line="61" />
        <source>No BARC-10 yet</source>
        <translation>Aún no hay BARC-10</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <location filename="../error_dialog.py" line="36" />
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="39" />
        <source>The details were written to the log file:
%1</source>
        <translation>Los detalles se escribieron en el archivo de registro:
%1</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="41" />
        <source>The log file could not be written.</source>
        <translation>No se pudo escribir el archivo de registro.</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="45" />
        <source>Recovery Desk ran into a problem it did not expect. Nothing you typed has been cleared: close this message and carry on, or save your work and restart.</source>
        <translation>Recovery Desk encontró un problema que no esperaba. No se borró nada de lo que escribió: cierre este mensaje y siga, o guarde su trabajo y reinicie el programa.</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="59" />
        <source>Show details</source>
        <translation>Ver detalles</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="62" />
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location filename="../error_dialog.py" line="67" />
        <source>Open log folder</source>
        <translation>Abrir la carpeta del registro</translation>
    </message>
</context>
<context>
    <name>Veil</name>
    <message>
        <location filename="../staff/veil.py" line="24" />
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
</context>
<context>
    <name>VisitsTableModel</name>
    <message>
        <location filename="../models/visits_table.py" line="20" />
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="21" />
        <source>Left</source>
        <translation>Salió</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="22" />
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="23" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="24" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="27" />
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="28" />
        <source>With coach</source>
        <translation>Con coach</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="29" />
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../models/visits_table.py" line="30" />
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
</context>
<context>
    <name>WaitlistTableModel</name>
    <message>
        <location filename="../models/waitlist_table.py" line="25" />
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="26" />
        <source>Peer (language)</source>
        <translation>Participante (idioma)</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="27" />
        <source>Asked for</source>
        <translation>Pidió</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="28" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="50" />
        <source>a %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="52" />
        <source>speaks %1</source>
        <translation>habla %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/waitlist_table.py" line="60" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="76" />
        <source>Since %1, added by %2</source>
        <translation>Desde %1, agregado por %2</translation>
    </message>
    <message>
        <location filename="../models/waitlist_table.py" line="83" />
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
</context>
<context>
    <name>WeekHandoutDialog</name>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="42" />
        <source>Print “This week at the center”</source>
        <translation>Imprimir “Esta semana en el centro”</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="46" />
        <source>A day of the week to print</source>
        <translation>Un día de la semana que se imprime</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="49" />
        <source>Next week</source>
        <translation>La semana próxima</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="53" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="54" />
        <source>Spanish (Español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="55" />
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="66" />
        <source>Week of:</source>
        <translation>Semana del:</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="68" />
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="69" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="72" />
        <source>Print to default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="74" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="76" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../pages/groups/week_dialog.py" line="126" />
        <source>Monday %1 to Sunday %2</source>
        <translation>Del lunes %1 al domingo %2</translation>
    </message>
</context>
<context>
    <name>Weekday</name>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="30" />
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="31" />
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="32" />
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="33" />
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="34" />
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="35" />
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="36" />
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="21" />
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="22" />
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="23" />
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="24" />
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="25" />
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="26" />
        <source>Saturday</source>
        <translation>sábados</translation>
    </message>
    <message>
        <location filename="../../desk/groups/rule_words.py" line="27" />
        <source>Sunday</source>
        <translation>domingos</translation>
    </message>
</context>
</TS>