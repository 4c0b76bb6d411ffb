"""04, in Spanish: the SAFE transmittal, the Policía Nacional Civil's report received through
ICE's SAFE program, its database sheet and a criminal-record certificate (6 pages)."""

from __future__ import annotations

from ...document import DocBuilder, DocSpec
from .annexes import dgcp_certificate, hoja_de_consulta
from .informe import SF, informe
from .transmittal import transmittal

SPEC = DocSpec(
    "04_pnc_informe_policial_safe.pdf",
    "Informe policial PNC recibido a través del programa SAFE - MUESTRA FICTICIA",
    "Caso ficticio: informe de la Policía Nacional Civil sobre RIVAS MEJÍA, Daniel Alexander",
    lang="es-SV",
    scan_seed=1001,
)


def build(b: DocBuilder) -> None:
    transmittal(b.add_page())
    informe(b)
    hoja_de_consulta(b.add_page())
    dgcp_certificate(b.add_page())
    report = b.sheets[1:]  # the PNC's pages, numbered apart from ICE's transmittal
    for k, sh in enumerate(report):
        sh.text_c(306, 748, f"Página {k + 1} de {len(report)}", SF, 8)
