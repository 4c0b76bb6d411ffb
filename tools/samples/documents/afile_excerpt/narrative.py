"""The I-213's narrative, as (kind, text): "h" a heading, "p" a paragraph. It starts in the
form's narrative box and runs on over the I-831 continuation pages, with the splits "MS-/13
clique" and "SAFE/program" on page 3 and "INTERPOL Red/Notice" across pages 5 and 6."""

from __future__ import annotations

from ...respondent import A_NUM_FORM, EVENT_NO, R_LAST_ASCII

NARRATIVE = [
    ("p", f"SUBJECT: {R_LAST_ASCII}, Daniel Alexander    FILE: {A_NUM_FORM}    EVENT: {EVENT_NO}"),
    (
        "p",
        "On June 13, 2023, at approximately 0615 hours, Deportation Officers assigned to the "
        "ERO Boston Fugitive Operations Team encountered the subject outside his residence at "
        "555 Larkspur Way, Chelsea, MA, during a targeted at-large enforcement action. The "
        "subject identified himself by his Salvadoran passport and admitted that he is a "
        "citizen of El Salvador. The subject was arrested without incident. "
        "See Continuation Page (Form I-831) for record checks, derogatory information and "
        "disposition.",
    ),
    ("h", "ENCOUNTER:"),
    (
        "p",
        "The subject was identified as a target on May 26, 2023, after ERO Boston received a "
        "lead from the Boston Regional Intelligence Center concerning a Salvadoran national "
        "believed to be in the United States unlawfully. Officers conducted surveillance of "
        "the residence on June 12 and June 13, 2023. At approximately 0610 hours on June 13, "
        "the subject left the residence on foot carrying a backpack and walked toward a bus "
        "stop. Officers approached, identified themselves as police and ICE, and asked the "
        "subject for identification. The subject was cooperative, produced his passport and "
        "answered questions about his name, date of birth and citizenship.",
    ),
    (
        "p",
        "The subject was handcuffed, searched incident to arrest and placed in a government "
        "vehicle. No weapons or contraband were found. The subject's aunt came out of the "
        "residence and was allowed to take the subject's backpack, which contained work "
        "clothing and a lunch box. The subject did not resist and made no spontaneous "
        "statements during transport.",
    ),
    ("h", "RECORD CHECKS:"),
    (
        "p",
        "IDENT/NGI: biometric query returned one prior encounter (B-2 visa enrollment, U.S. "
        "Embassy San Salvador, April 2019); no criminal history. NCIC negative for wants and "
        "warrants; NCIC negative for criminal history (III). No record found in the "
        "Massachusetts Board of Probation (CORI) index. EID/EARM: no prior removals, no "
        "voluntary returns. TECS: entry record only (JFK, 07/02/2019). A query of the NCIC "
        "Foreign Fugitive File returned a possible match on name and date of birth only; "
        "see FOREIGN INFORMATION below.",
    ),
    ("h", "IMMIGRATION HISTORY:"),
    (
        "p",
        "The subject is a native and citizen of El Salvador. On July 2, 2019, the subject was "
        "admitted as a B-2 visitor at John F. Kennedy International Airport, New York, NY, "
        "with authorization to remain until January 1, 2020. The subject did not depart and "
        "has been undocumented since that date. The subject stated that he first lived with "
        "a cousin at 555 W. 18th Street, Apt. 4, New York, NY, and that he moved to Chelsea, "
        "MA in August 2020 to live with his maternal aunt. The subject has no other entries "
        "and no departures on record.",
    ),
    (
        "p",
        "On March 3, 2021, a Form I-360 petition for Special Immigrant Juvenile status was "
        "filed on the subject's behalf and was later approved. A Form I-485 application to "
        "adjust status is pending with the USCIS Boston Field Office. The subject has not "
        "applied for asylum in the United States or in any third country. The subject "
        "did not enter from Canada and the Safe Third Country Agreement does not apply.",
    ),
    ("h", "GANG AFFILIATION / DEROGATORY INFORMATION:"),
    (
        "p",
        "Per the Boston Regional Intelligence Center (BRIC), the subject is listed in the Gang "
        'Assessment Database with a status of "Gang Associate" (8 points), first entered on '
        "November 18, 2021. The BRIC printout reflects points for gang paraphernalia and for "
        "associating with a verified gang member. According to the BRIC, the "
        "subject was identified as an MS-13 associate by the school resource officer at "
        "Eastfield Harbor High School on November 16, 2021, after he was observed wearing a "
        "blue shirt and a black rosary in a school hallway. The subject allegedly associates "
        'with members of the MS-<br>13 clique known as "Ribera Locos Salvatrucha" (RLS). '
        "This officer notes a possible gang affiliation only. The subject has no tattoos; no "
        "gang-related graffiti, photographs or paraphernalia were found in his property.",
    ),
    (
        "p",
        "A review of open-source social media was negative for gang signs or gang-related "
        "content. One public photograph shows the subject wearing a blue Chicago Bulls cap, "
        "which may be considered gang-related clothing. The subject is believed to be a "
        "gang member by local law enforcement; no arrest, charge or conviction is associated "
        "with that belief.",
    ),
    ("h", "FOREIGN INFORMATION:"),
    (
        "p",
        "On May 30, 2023, the ERO Attache office in San Salvador forwarded to ERO Boston, by "
        "e-mail and without a translation, a Policía Nacional Civil (PNC) report received "
        "through the SAFE<br>program (Security Alliance for "
        'Fugitive Enforcement). The PNC report states that the subject "posee ficha como '
        'miembro activo de la MS-13" and, in a separate 2018 entry, that he was profiled as '
        "a member of the 18th Street gang (Pandilla 18). The PNC report states that the "
        'Fiscalía General de la República obtained an arrest order for "agrupaciones '
        'ilícitas" (Art. 345, Penal Code of El Salvador) on March 2, 2023. No underlying '
        "judicial documents were provided.",
    ),
    (
        "p",
        "INTERPOL Washington (USNCB) advised that NCB San Salvador published an INTERPOL Red "
        "Notice (control no. A-12345/6-2023) for the subject on April 27, 2023, after "
        "first circulating a Wanted Person Diffusion. The Red Notice has not been "
        "independently verified by this office, and INTERPOL Washington advised that the "
        "notice was not entered into NCIC. Copies of the SAFE report and of the INTERPOL "
        "extract are filed in the A-file.",
    ),
    ("h", "PRIOR CONTACTS WITH LOCAL LAW ENFORCEMENT:"),
    (
        "p",
        "The BRIC printout lists two field interview/observation (FIO) reports and one "
        "incident report. On November 16, 2021, a school resource officer completed an FIO "
        "after observing the subject with other students in a school hallway. On February 9, "
        "2022, a Boston Police officer completed an FIO after observing the subject standing "
        "at a bus stop with a person described as a verified MS-13 member; no criminal "
        "activity was observed and the subject stated he was going to work. On May 21, 2022, "
        "the subject reported to local police that two unknown males, reportedly MS-13, took "
        "his mobile phone by force; the subject declined to pursue charges. The subject has "
        "never been arrested or charged in the United States.",
    ),
    ("h", "TRAVEL ROUTE:"),
    (
        "p",
        "The subject stated that he traveled by air from San Salvador to New York on July 2, "
        "2019, accompanied by his aunt, using a B-2 visa issued in April 2019. He has not "
        "left the United States since that date. He did not use a smuggler and paid no fee.",
    ),
    ("h", "ARREST AND PROCESSING:"),
    (
        "p",
        "The subject was transported to the ERO Boston office in Burlington, MA, where he was "
        "photographed and fingerprinted. The subject was advised of his right to consular "
        "notification and of his communication privileges. The subject's property (Form "
        "I-77) consists of a wallet, a mobile phone, US $43.00 in currency, a Massachusetts "
        "learner's permit and a debit card issued by PNC Bank (account ending 0000). A rosary "
        "and a Salvadoran passport were also inventoried.",
    ),
    ("h", "STATEMENT OF THE SUBJECT:"),
    (
        "p",
        "The subject was interviewed in Spanish by DO Haldane. The subject denied gang "
        "membership and denied any affiliation with MS-13 or with the 18th Street gang. "
        "The subject stated that the blue polo shirt was part of his school uniform and that "
        "the rosary was a gift from his grandmother for his first communion. The subject "
        "stated that he left El Salvador after gang members, reportedly from MS-13, "
        "threatened him for refusing to act as a lookout for them. The subject stated that "
        "he feels safe living with his aunt in Chelsea and that he attends church on Sundays.",
    ),
    (
        "p",
        "The subject stated that he has never been arrested, charged or detained in El "
        "Salvador and that he did not know of any warrant. The subject stated that in 2018, "
        "when he was 14 years old, PNC officers stopped and searched him and other students "
        "near his school, wrote down his name and let him go. The subject's claim is "
        "unverified. The subject expressed a fear of returning to El Salvador.",
    ),
    ("h", "SPONSOR INTERVIEW:"),
    (
        "p",
        "On June 13, 2023, DO Haldane spoke by telephone with the subject's aunt, who stated "
        "that the subject has lived with her since August 2020, attends church, works full "
        "time and has never been involved with gangs. She stated that the family left San "
        "Miguel because gang members threatened the subject when he was 14, and that police "
        "in El Salvador stopped him several times because of his age and his neighborhood. "
        "She stated that she has copies of his school records and letters from his employer "
        "and his pastor. Her statements were not verified.",
    ),
    ("h", "FAMILY, EDUCATION AND EMPLOYMENT:"),
    (
        "p",
        "The subject's mother resides in San Miguel, El Salvador; his father's whereabouts "
        "are unknown. His aunt, Marisol Mejía Ortiz (fictional), a lawful permanent "
        "resident, is his sponsor. The subject graduated from Eastfield Harbor High School in "
        "June 2022 and has worked since August 2022 as a kitchen helper. He has no children.",
    ),
    ("h", "MEDICAL:"),
    (
        "p",
        "The subject claimed no medical conditions and takes no medication. No injuries were "
        "observed. The subject was medically cleared for detention.",
    ),
    ("h", "CUSTODY CLASSIFICATION AND CONSULAR NOTIFICATION:"),
    (
        "p",
        "A Risk Classification Assessment was completed in EARM. The RCA scored the subject "
        "as low risk on criminal history and medium risk on public safety because of a "
        '"gang affiliation - possible" entry added by this officer; the RCA recommended '
        "detention, and the recommendation was approved by the supervisor. The Consulate "
        "General of El Salvador was notified of the arrest on June 14, 2023 at the subject's "
        "request. The subject was given the list of free legal service providers.",
    ),
    ("h", "IDENTITY:"),
    (
        "p",
        "The subject's identity was confirmed by his Salvadoran passport, his B-2 visa record "
        "and a biometric match in IDENT. The PNC report lists possible namesakes (homónimos) "
        "in San Miguel; the INTERPOL notice was matched on name and date of birth only, "
        "without fingerprints. No aliases were found in any system queried.",
    ),
    ("h", "DOCUMENTS REVIEWED:"),
    (
        "p",
        "The following documents were reviewed in preparing this record: (1) the BRIC Gang "
        "Assessment Database subject detail report printed May 30, 2023; (2) Eastfield Harbor "
        "Public Schools School Police incident report SP-21-04417 dated November 16, 2021; "
        "(3) PNC report PNC-DAP-UEI-0000-2023 dated May 24, 2023, received through SAFE, with "
        "its attachments; (4) the INTERPOL extract and the INTERPOL Washington memorandum "
        "dated June 1, 2023; (5) the subject's passport and visa; and (6) the subject's EARM, "
        "IDENT and TECS records. The school police report includes a supplement by the school "
        "administration stating that the blue polo shirt is part of the required school "
        "uniform; that supplement is not reflected in the BRIC printout.",
    ),
    ("h", "DISPOSITION:"),
    (
        "p",
        "The subject was served Form I-862, Notice to Appear, charging him as removable under "
        "INA section 237(a)(1)(B) as a nonimmigrant who remained longer than permitted. The "
        "subject was served Form I-286, Notice of Custody Determination; he will be detained "
        "without bond pending review, as he is considered a possible public safety concern "
        "based on the gang information from the BRIC and the foreign information received "
        "through SAFE. SDDO E. Voss concurred. The subject was transported to the Harbor "
        "County Correctional Facility (fictional) to await a master calendar hearing. The "
        "subject's counsel of record (Form G-28) was notified by telephone on 06/14/2023.",
    ),
    (
        "p",
        "A copy of this I-213 and of the derogatory information was referred to the USCIS "
        "Boston Field Office, where the subject has a pending application. The information "
        "from the INTERPOL Red<pb>Notice and from the SAFE report should be "
        "weighed with the caution required by ICE policy.",
    ),
]
