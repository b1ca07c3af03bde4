"""Every fixed string printed on a handout, in English and Spanish, in one place.

A test checks that both languages have every key and the same {placeholders}. Text typed by
staff or imported with a resource (names, notes, hours notes) is printed as it was entered.
"""

from __future__ import annotations

from datetime import date

LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
# A group's own language, named in the handout's language (said when the two differ).
GROUP_LANGUAGES = {
    "en": {"en": "English", "es": "inglés"},
    "es": {"en": "Spanish", "es": "español"},
    "pt": {"en": "Portuguese", "es": "portugués"},
    "fr": {"en": "French", "es": "francés"},
    "ht": {"en": "Haitian Creole", "es": "criollo haitiano"},
    "vi": {"en": "Vietnamese", "es": "vietnamita"},
    "ar": {"en": "Arabic", "es": "árabe"},
    "zh": {"en": "Chinese", "es": "chino"},
    "ru": {"en": "Russian", "es": "ruso"},
    "pl": {"en": "Polish", "es": "polaco"},
}

STRINGS: dict[str, dict[str, str]] = {
    # The referral sheet
    "sheet.title": {"en": "Your referrals", "es": "Sus referidos"},
    "sheet.subtitle": {
        "en": "Places that can help, chosen with you today.",
        "es": "Lugares que pueden ayudarle, elegidos con usted hoy.",
    },
    "sheet.prepared_for": {"en": "Prepared for", "es": "Preparado para"},
    "sheet.coach": {"en": "Your recovery coach", "es": "Su coach de recuperación"},
    "sheet.no_coach": {
        "en": "Questions? Call us at {phone}.",
        "es": "¿Preguntas? Llámenos al {phone}.",
    },
    "sheet.next_steps": {"en": "Next steps", "es": "Próximos pasos"},
    "sheet.staff_note": {"en": "Note from us", "es": "Nota de nuestro equipo"},
    "sheet.services_count": {"en": "{count} places", "es": "{count} lugares"},
    # A service, on the sheet and the handout
    "service.address": {"en": "Address", "es": "Dirección"},
    "service.no_address": {
        "en": "No street address listed: call before you go.",
        "es": "No tenemos la dirección: llame antes de ir.",
    },
    "service.area": {
        "en": "Serves {area}; no street address listed: call before you go.",
        "es": "Atiende en {area}; no tenemos la dirección: llame antes de ir.",
    },
    "service.getting_there": {"en": "Getting there", "es": "Cómo llegar"},
    "service.phone": {"en": "Phone", "es": "Teléfono"},
    "service.no_phone": {
        "en": "No phone listed: go in person or ask us to call.",
        "es": "No tenemos el teléfono: vaya en persona o pídanos que llamemos.",
    },
    "service.hours": {"en": "Hours", "es": "Horario"},
    "service.walk_ins": {"en": "Walk-ins welcome.", "es": "Se atiende sin cita."},
    "service.eligibility": {"en": "Who it is for", "es": "Para quién es"},
    "service.bring": {"en": "What to bring", "es": "Qué traer"},
    "service.cost": {"en": "Cost", "es": "Costo"},
    "service.free": {"en": "Free.", "es": "Gratis."},
    "service.insurance": {"en": "Insurance", "es": "Seguro médico"},
    "service.how_to_apply": {"en": "How to get in", "es": "Cómo empezar"},
    "service.languages": {"en": "Languages", "es": "Idiomas"},
    "service.alert": {"en": "Please note", "es": "Aviso"},
    "service.closed": {
        "en": "Closed for now: call before you go.",
        "es": "Cerrado por ahora: llame antes de ir.",
    },
    "service.verified": {"en": "Details checked", "es": "Datos verificados"},
    "service.stale": {
        "en": "Call first: details last checked {date}, a while ago.",
        "es": "Llame antes: datos verificados por última vez el {date}, hace tiempo.",
    },
    "service.never_verified": {
        "en": "Details not yet checked by our staff: call first.",
        "es": "Nuestro equipo aún no verificó estos datos: llame antes.",
    },
    "service.sample": {
        "en": "Sample data for trying the app: not a real service.",
        "es": "Datos de ejemplo para probar el programa: no es un servicio real.",
    },
    # A no-break space keeps "sitio web" together when the caption wraps under the code.
    "service.qr_website": {"en": "Scan for the website", "es": "Escanee: sitio\u00a0web"},
    "service.qr_map": {"en": "Scan for a map", "es": "Escanee: mapa"},
    "service.website": {"en": "Website", "es": "Sitio web"},
    # Help lines, in the footer of every handout
    "footer.heading": {"en": "Need help now?", "es": "¿Necesita ayuda ahora?"},
    "footer.988": {
        "en": "988 Suicide & Crisis Lifeline: call or text 988, 24/7",
        "es": "Línea de Prevención del Suicidio y Crisis 988: llame o envíe un texto al 988, 24/7",
    },
    "footer.helpline": {
        "en": "Massachusetts Substance Use Helpline: (800) 327-5050, free and confidential",
        "es": "Línea de Ayuda para el Uso de Sustancias de Massachusetts: (800) 327-5050, "
        "gratis y confidencial",
    },
    "footer.behavioral": {
        "en": "Massachusetts Behavioral Health Help Line: call or text (833) 773-2445",
        "es": "Línea de Ayuda de Salud Conductual de Massachusetts: llame o envíe un texto "
        "al (833) 773-2445",
    },
    "footer.overdose": {
        "en": "Massachusetts Overdose Prevention Helpline: (800) 972-0590, if you use alone",
        "es": "Línea de Prevención de Sobredosis de Massachusetts: (800) 972-0590, "
        "si consume a solas",
    },
    "footer.page": {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"},
    # The 42 CFR §2.32 notice that goes with a disclosure made with consent
    "notice.heading": {
        "en": "Notice to the recipient (42 CFR §2.32)",
        "es": "Aviso para quien recibe esta información (42 CFR §2.32)",
    },
    "notice.text": {
        "en": "This record which has been disclosed to you is protected by Federal "
        "confidentiality rules (42 CFR part 2). These rules prohibit you from using or "
        "disclosing this record, or testimony that describes the information contained in "
        "this record, in any civil, criminal, administrative, or legislative proceedings by "
        "any Federal, State, or local authority, against the patient, unless authorized by the "
        "consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a "
        "court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit "
        "you from making any other use or disclosure of this record unless at least one of the "
        "following applies: (i) Further use or disclosure is expressly permitted by the written "
        "consent of the individual whose information is being disclosed in this record or as "
        "otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business "
        "associate and have received the record for treatment, payment, or health care "
        "operations, or (iii) You have received the record from a covered entity or business "
        "associate as permitted by 45 CFR part 164, subparts A and E. A general authorization "
        "for the release of medical or other information is NOT sufficient to meet the required "
        "elements of written consent to further use or redisclose the record (see 42 CFR 2.31).",
        "es": "Este registro que se le ha divulgado está protegido por las normas federales de "
        "confidencialidad (42 CFR parte 2). Estas normas le prohíben usar o divulgar este "
        "registro, o testimonios que describan la información que contiene, en cualquier "
        "procedimiento civil, penal, administrativo o legislativo de cualquier autoridad "
        "federal, estatal o local contra el paciente, a menos que el paciente lo autorice con "
        "su consentimiento, salvo lo dispuesto en 42 CFR 2.12(c)(5) o lo autorizado por un "
        "tribunal conforme a 42 CFR 2.64 o 2.65. Además, las normas federales le prohíben hacer "
        "cualquier otro uso o divulgación de este registro a menos que se cumpla al menos una "
        "de estas condiciones: (i) el consentimiento por escrito de la persona cuya información "
        "se divulga en este registro permite expresamente otro uso o divulgación, o lo permite "
        "de otro modo 42 CFR parte 2; (ii) usted es una entidad cubierta o un socio comercial y "
        "recibió el registro para tratamiento, pago u operaciones de atención médica; o (iii) "
        "recibió el registro de una entidad cubierta o un socio comercial según lo permite "
        "45 CFR parte 164, subpartes A y E. Una autorización general para divulgar información "
        "médica o de otro tipo NO basta para cumplir los requisitos de un consentimiento por "
        "escrito para usar o volver a divulgar el registro (véase 42 CFR 2.31).",
    },
    # The category handout
    "handout.subtitle": {
        "en": "Every current listing we have, printed {date}. Each says when our staff last "
        "checked it; “Call first” marks one not checked for a while.",
        "es": "Todos los servicios vigentes que conocemos, impreso el {date}. Cada uno dice "
        "cuándo nuestro equipo lo verificó por última vez; «Llame antes» marca los que no se "
        "verifican desde hace tiempo.",
    },
    "handout.none": {
        "en": "We have no current listings in this category. Ask us: we can help you look.",
        "es": "No tenemos servicios vigentes en esta categoría. Pregúntenos: le ayudamos a buscar.",
    },
    "handout.count": {"en": "{count} listings", "es": "{count} servicios"},
    # "This week at the center": the week's groups and meetings
    "week.title": {"en": "This week at the center", "es": "Esta semana en el centro"},
    "week.dates": {"en": "{first} to {last}", "es": "Del {first} al {last}"},
    "week.subtitle": {
        "en": "Our groups, meetings and open hours. Everyone is welcome, free, no need to sign "
        "up: just come, or ask us at the front desk.",
        "es": "Nuestros grupos, reuniones y horarios abiertos. Todos son bienvenidos, gratis y "
        "sin inscribirse: solo venga, o pregúntenos en la recepción.",
    },
    "week.none": {
        "en": "No groups are on the schedule this week. Ask us what is on.",
        "es": "No hay grupos programados esta semana. Pregúntenos qué hay.",
    },
    "week.cancelled": {"en": "Cancelled this week", "es": "Cancelado esta semana"},
    "week.moved_from": {"en": "Moved from {date}", "es": "Cambiado del {date}"},
    "week.changed": {"en": "Changed this week", "es": "Cambio esta semana"},
    "week.room": {"en": "Room: {room}", "es": "Sala: {room}"},
    "week.led_by": {"en": "Led by {name}", "es": "Coordina: {name}"},
    "week.in_language": {"en": "In {spoken}", "es": "En {spoken}"},
    # A sign-in card (a wallet card and a key tag)
    "card.page_title": {"en": "Your sign-in card", "es": "Su tarjeta de registro"},
    "card.cut": {
        "en": "Cut along the grey lines: a card for your wallet and a tag for your keys.",
        "es": "Recorte por las líneas grises: una tarjeta para la cartera y otra para las llaves.",
    },
    "card.keep": {
        "en": "It holds no name or record number, only a code that signs you in here.",
        "es": "No lleva su nombre ni su número de registro, solo un código para registrarse aquí.",
    },
    "card.title": {"en": "Sign-in card", "es": "Tarjeta de registro"},
    "card.use": {
        "en": "Scan it at the front desk or at the door.",
        "es": "Escanéela en la recepción o en la entrada.",
    },
    "card.lost": {"en": "Lost it? Ask us for a new one.", "es": "¿La perdió? Pida una nueva."},
    # The consent form (42 CFR §2.31)
    "consent.title": {
        "en": "Consent to share information (42 CFR Part 2)",
        "es": "Consentimiento para compartir información (42 CFR Parte 2)",
    },
    "consent.intro": {
        "en": "Federal law (42 CFR Part 2) protects information about people who seek help "
        "with substance use. We will share it only as you allow on this form. Read it, ask us "
        "anything, and sign only if you agree.",
        "es": "La ley federal (42 CFR Parte 2) protege la información de las personas que buscan "
        "ayuda por el uso de sustancias. Solo la compartiremos como usted lo permita en este "
        "formulario. Léalo, pregúntenos lo que quiera y fírmelo solo si está de acuerdo.",
    },
    "consent.patient": {"en": "1. Your name", "es": "1. Su nombre"},
    "consent.discloser": {
        "en": "2. Who may share the information",
        "es": "2. Quién puede compartir la información",
    },
    "consent.information": {
        "en": "3. What information, and how much",
        "es": "3. Qué información y cuánta",
    },
    "consent.recipient": {
        "en": "4. Who may receive it",
        "es": "4. Quién puede recibirla",
    },
    "consent.purpose": {"en": "5. Why it is shared", "es": "5. Para qué se comparte"},
    "consent.revoke": {
        "en": "6. Your right to take back this consent",
        "es": "6. Su derecho a retirar este consentimiento",
    },
    "consent.revoke_text": {
        "en": "You may take back (revoke) this consent at any time, in writing or by telling "
        "our staff at {center}, {address}, {phone}. Taking it back does not undo what was "
        "already shared while it was in effect.",
        "es": "Puede retirar (revocar) este consentimiento en cualquier momento, por escrito o "
        "avisando a nuestro equipo en {center}, {address}, {phone}. Retirarlo no deshace lo "
        "que ya se compartió mientras estaba vigente.",
    },
    "consent.expiry": {
        "en": "7. When this consent ends",
        "es": "7. Cuándo termina este consentimiento",
    },
    # Valid through the whole of that day: the app treats it as active until the day is over.
    "consent.expiry_date": {
        "en": "Valid through {date} (to the end of that day)",
        "es": "Vigente hasta el {date} inclusive (hasta el final de ese día)",
    },
    "consent.expiry_event": {"en": "When this happens: {event}", "es": "Cuando ocurra: {event}"},
    "consent.expiry_both": {
        "en": "Valid through {date} (to the end of that day), or until this happens, if that "
        "is sooner: {event}",
        "es": "Vigente hasta el {date} inclusive (hasta el final de ese día), o hasta que "
        "ocurra esto, si es antes: {event}",
    },
    "consent.whole_organization": {
        "en": "{organization}, all of its programs and services",
        "es": "{organization}, todos sus programas y servicios",
    },
    "consent.voluntary": {
        "en": "Signing is your choice. We will not refuse or change our services to you if you "
        "do not sign. The recipient may not share this information further, except as 42 CFR "
        "Part 2 allows; a notice saying so goes with it.",
        "es": "Firmar es su decisión. No le negaremos ni cambiaremos nuestros servicios si no "
        "firma. Quien reciba esta información no puede volver a compartirla, salvo lo que "
        "permite 42 CFR Parte 2; un aviso que lo dice la acompaña.",
    },
    "consent.signature": {
        "en": "8. Your signature",
        "es": "8. Su firma",
    },
    "consent.signed_on": {"en": "9. Date signed", "es": "9. Fecha de la firma"},
    "consent.guardian": {
        "en": "Signature of a parent, guardian or authorized representative (when required)",
        "es": "Firma del padre, madre, tutor o representante autorizado (si se requiere)",
    },
    "consent.witness": {"en": "Staff member", "es": "Miembro del equipo"},
    "consent.default_information": {
        "en": "My name, how to reach me, that I came to {center} for recovery support, and "
        "the services I was referred to.",
        "es": "Mi nombre, cómo contactarme, que acudí a {center} para apoyo en mi recuperación "
        "y los servicios a los que me refirieron.",
    },
    "consent.default_purpose": {
        "en": "To refer me to this service and to check with them that I got there.",
        "es": "Para referirme a este servicio y confirmar con ellos que llegué.",
    },
    "consent.copy": {
        "en": "You may have a copy of this form. Record number: {number}.",
        "es": "Puede quedarse con una copia de este formulario. Número de registro: {number}.",
    },
}


# The directory's own text (what a place does, who it is for) is kept as the place gives it,
# mostly in English: a sheet in another language says so rather than leave it unexplained.
_DETAILS_LANGUAGE_NOTES = {
    "es": "Los datos de cada lugar vienen de nuestro directorio, tal como los da el lugar, "
    "y a veces están en inglés. Pregúntenos si algo no está claro.",
}


def details_language_note(language: str) -> str:
    """A line saying the places' own details may be in English ("" on an English sheet)."""
    return _DETAILS_LANGUAGE_NOTES.get(language, "")


def text(key: str, language: str, **values: object) -> str:
    """A fixed string in `language` ("en" or "es"), with its {placeholders} filled."""
    if language not in LANGUAGES:
        raise ValueError(f"handouts are printed in {', '.join(LANGUAGES)}, not {language!r}")
    template = STRINGS[key][language]
    return template.format(**values) if values else template


def long_date(day: date, language: str) -> str:
    """November 28, 2026 / 28 de noviembre de 2026."""
    month = _MONTHS[language][day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def weekday_date(day: date, language: str) -> str:
    """Monday, December 7 / lunes 7 de diciembre."""
    weekday, month = _WEEKDAYS[language][day.weekday()], _MONTHS[language][day.month - 1]
    if language == "es":
        return f"{weekday} {day.day} de {month}"
    return f"{weekday}, {month} {day.day}"


def group_language(code: str, language: str) -> str:
    """The name of a group's language in the handout's `language` (the code if unknown)."""
    return GROUP_LANGUAGES.get(code, {}).get(language, code)
