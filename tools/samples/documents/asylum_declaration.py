"""07: the respondent's declaration in support of his application for asylum, in English with
the Spanish original of its key paragraphs (3 pages): the gang as his persecutor, not his label.

Every person, place detail and event in it is invented, like the rest of the sample case.
"""

from __future__ import annotations

from ..document import DocBuilder, DocSpec
from ..respondent import A_NUM, DOB_US
from ..sheet import Sheet
from ..style import GRAY

SPEC = DocSpec(
    "07_asylum_declaration.pdf",
    "Declaration of the respondent in support of asylum (Form I-589) - FICTIONAL SAMPLE",
    "Fictional sample case: the respondent's asylum declaration, where the gang is the persecutor",
)
SF = "serif"

CAPTION = [
    "UNITED STATES DEPARTMENT OF JUSTICE",
    "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW — IMMIGRATION COURT, BOSTON (fictional)",
]
TITLE = "DECLARATION OF DANIEL ALEXANDER RIVAS MEJÍA IN SUPPORT OF HIS APPLICATION FOR ASYLUM"
FIELDS = [
    f"In the Matter of: RIVAS MEJIA, Daniel Alexander    A-number: {A_NUM}",
    f"Date of birth: {DOB_US}    Date of this declaration: August 28, 2023",
]
PARAGRAPHS = [
    "1. My name is Daniel Alexander Rivas Mejía. I was born in San Miguel, El Salvador. I make "
    "this declaration in support of my application for asylum, withholding of removal and "
    "protection under the Convention Against Torture. It was read back to me in Spanish.",
    "2. My mother, Marta Elena Mejía, sold fruit and pupusas from a stall near the central "
    "market of San Miguel. Beginning in 2016, members of the MS-13 came to the stall every "
    "week to collect what they called the renta. When my mother could not pay, two gang "
    "members broke her table and told her that families who do not pay end up in a ditch.",
    "3. In 2017, when I was thirteen, MS-13 members began waiting for me outside the Centro "
    "Escolar Los Almendros. They told me I had to work for them as a lookout near the bus "
    "terminal. I refused to join the gang. In March 2018 three of them beat me behind the "
    "school and said that the next time they would kill me and my mother.",
    "4. In September 2018 the police stopped me with classmates outside my school and wrote "
    "down that we belonged to Barrio 18. I was fourteen. I have never been a member of any "
    "gang. The police released me the same day without any charge.",
    "5. In January 2019 the Mara Salvatrucha killed my cousin Kevin, who had also refused to "
    "work for them. After the funeral, gang members came to our house looking for me. My "
    "mother sent me to live with my aunt in Usulután, but the MS-13 found out where I was "
    "within two months and threatened my aunt.",
    "6. I left El Salvador in May 2019 because I believed the gang would kill me. My mother "
    "still receives threats from MS-13 members who ask where I am. The police in our colonia "
    "did not help us; people who report the gang to the police are killed.",
    "7. In the United States I go to school in Chelsea and work on weekends. I do not "
    "belong to any gang. I wear the blue polo shirt of the school uniform and the rosary my "
    "grandmother gave me for my First Communion.",
    "8. Gangs like the MS-13 and Barrio 18 control most of the poor neighborhoods of San "
    "Miguel, and young men who refuse them are killed or disappear. If I am returned to El "
    "Salvador, I believe the MS-13 will kill me.",
    "I declare under penalty of perjury under the laws of the United States that the "
    "foregoing is true and correct.",
]
SIGNATURE = [
    "/s/ Daniel Alexander Rivas Mejía (fictional)    Chelsea, Massachusetts, August 28, 2023",
]
SPANISH_HEAD = "DECLARACIÓN — TEXTO ORIGINAL EN ESPAÑOL DE LOS PÁRRAFOS 2, 3, 5 Y 6"
SPANISH = [
    "2. Mi mamá, Marta Elena Mejía, vendía fruta y pupusas en un puesto cerca del mercado "
    "central de San Miguel. Desde 2016, los pandilleros de la MS-13 llegaban cada semana a "
    "cobrarle la renta. Cuando mi mamá no pudo pagar, dos pandilleros le quebraron la mesa y "
    "le dijeron que las familias que no pagan terminan en una zanja.",
    "3. En 2017, cuando yo tenía trece años, los mareros de la MS-13 me esperaban a la salida "
    "del Centro Escolar Los Almendros. Me dijeron que tenía que trabajar para ellos como "
    "poste. No quise unirme a la pandilla. En marzo de 2018 tres de ellos me golpearon y me "
    "dijeron que la próxima vez me iban a matar a mí y a mi mamá.",
    "5. En enero de 2019 la Mara Salvatrucha mató a mi primo Kevin, que tampoco quiso "
    "trabajar para ellos. Después del entierro, los pandilleros llegaron a buscarme a la "
    "casa. Mi mamá me mandó con mi tía a Usulután, pero la MS-13 supo dónde estaba.",
    "6. Salí de El Salvador en mayo de 2019 porque tenía miedo de que la pandilla me matara. "
    "Mi mamá todavía recibe amenazas de los mareros, que preguntan por mí.",
]
TRANSLATOR = (
    "Certificate of translation: I certify that I am competent to translate from Spanish into "
    "English and that the English declaration is a true translation of the declarant's "
    "statement. /s/ R. Interpreter, certified interpreter (fictional), August 28, 2023."
)


def build(b: DocBuilder) -> None:
    first, second = b.add_page(), b.add_page()
    y = caption(first)
    for n, text in enumerate(PARAGRAPHS):
        sheet = first if n < 4 else second
        if n == 4:
            y = 60.0
        y = sheet.para(72, y, 468, text, SF, 10.5, 15) + 9
    for line in SIGNATURE:
        second.text(72, y + 18, line, "serif-i", 10)
    second.text(72, 740, "Declaration of the respondent · page 2 of 3", "sans", 7.5, GRAY)
    spanish(b.add_page())


def caption(s: Sheet) -> float:
    """The court caption, the title and the case fields; returns the y below them."""
    y = 56.0
    for line in CAPTION:
        s.text_c(306, y, line, "serif-b", 10)
        y += 13
    y = s.para(72, y + 12, 468, TITLE, "serif-b", 11.5, 15) + 4
    for line in FIELDS:
        s.text(72, y + 10, line, SF, 9.5)
        y += 14
    s.hline(72, 540, y + 6, 0.8)
    s.text(72, 740, "Declaration of the respondent · page 1 of 3", "sans", 7.5, GRAY)
    return y + 18


def spanish(s: Sheet) -> None:
    y = s.para(72, 56, 468, SPANISH_HEAD, "serif-b", 10.5, 14) + 8
    for text in SPANISH:
        y = s.para(72, y, 468, text, SF, 10.5, 15) + 9
    s.hline(72, 540, y + 4, 0.6)
    s.para(72, y + 14, 468, TRANSLATOR, SF, 9, 12)
    s.text(72, 740, "Declaración del declarante · página 3 de 3", "sans", 7.5, GRAY)
