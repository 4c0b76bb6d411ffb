"""Page 7 of document 01: a bond exhibit, the sponsor's PNC Bank statement (a trap: "PNC Bank",
"SAFE DEPOSIT BOX", "red notice" on a utility bill)."""

from __future__ import annotations

from ...sheet import Box, Label, Mark, Rule, Sheet
from ...style import GRAY, NAVY

STAMP_BLUE = (0.15, 0.25, 0.6)

HEAD: list[Mark] = [
    Box((36, 36, 576, 58), 0.8),
    Label(
        42,
        51,
        "EXHIBIT B to Respondent's Request for Bond Redetermination — submitted by counsel "
        "06/20/2023",
        "sans-b",
        8.5,
    ),
    Label(42, 84, "PNC Bank", "serif-b", 20, NAVY),
    Label(42, 97, "Personal Checking — Account Statement", "sans", 9.5, NAVY),
    Label(570, 78, "For the period 05/01/2023 to 05/31/2023", "sans", 8.5, align="right"),
    Label(570, 90, "Primary account number: XXXX-XXXX-0000", "sans", 8.5, align="right"),
    Label(570, 102, "Page 1 of 1", "sans", 8.5, align="right"),
    Rule(36, 576, 110, 1.2, NAVY),
    Label(42, 128, "MARISOL MEJIA ORTIZ (fictional)", "sans-b", 9.5),
    Label(42, 140, "555 LARKSPUR WAY APT 2", "sans", 9),
    Label(42, 151, "CHELSEA MA 02150", "sans", 9),
]
BALANCE = [
    ["Balance summary", ""],
    ["Beginning balance", "$2,184.37"],
    ["Deposits and other additions", "$3,420.00"],
    ["Checks and other deductions", "$2,956.18"],
    ["Ending balance", "$2,648.19"],
]
TRANSACTIONS = [
    ["Date", "Description", "Additions", "Deductions", "Balance"],
    ["05/01", "Beginning balance", "", "", "2,184.37"],
    [
        "05/02",
        "Direct deposit — Harbor Home Care Services (fictional) payroll",
        "1,140.00",
        "",
        "3,324.37",
    ],
    ["05/03", "Rent — check #1041", "", "1,450.00", "1,874.37"],
    ["05/05", "Debit card purchase — Harbor Foods #12, Chelsea MA", "", "86.42", "1,787.95"],
    ["05/09", "Remittance — transfer to San Miguel, El Salvador", "", "150.00", "1,637.95"],
    ["05/12", "Utility payment — electric (final red notice paid)", "", "121.76", "1,516.19"],
    [
        "05/16",
        "Direct deposit — Harbor Home Care Services (fictional) payroll",
        "1,140.00",
        "",
        "2,656.19",
    ],
    ["05/19", "Debit card purchase — school supplies", "", "34.10", "2,622.09"],
    ["05/22", "ATM withdrawal — PNC Bank branch, Broadway, Chelsea MA", "", "200.00", "2,422.09"],
    [
        "05/25",
        "Mobile deposit — check from D. Rivas Mejia (rent share)",
        "1,140.00",
        "",
        "3,562.09",
    ],
    ["05/26", "Insurance — auto", "", "412.00", "3,150.09"],
    ["05/30", "Debit card purchase — pharmacy", "", "26.90", "3,123.19"],
    ["05/31", "SAFE DEPOSIT BOX ANNUAL FEE — small box", "", "75.00", "3,048.19"],
    ["05/31", "Transfer to savings", "", "400.00", "2,648.19"],
]
FOOTNOTE = (
    "Member FDIC. Questions about this statement: call the number on the back of your "
    "card. Keep your card and PIN safe; never share your online banking password. "
    "Overdraft protection: not enrolled."
)
RECEIVED: list[Mark] = [  # below the footnote
    Box((360, 20, 576, 74), 1.4, STAMP_BLUE),
    Label(468, 38, "RECEIVED", "sans-b", 12, STAMP_BLUE, "center"),
    Label(468, 52, "ICE ERO BOSTON — JUN 21 2023", "sans-b", 8.5, STAMP_BLUE, "center"),
    Label(468, 65, "Detention · bond unit", "sans", 7.5, STAMP_BLUE, "center"),
]


def bank_statement(s: Sheet) -> None:
    s.draw(HEAD)
    y = s.table(330, 120, [150, 90], BALANCE, size=8.5, header_rows=1)
    y = max(y, 160) + 18
    s.text(36, y, "Transaction detail", "sans-b", 10, NAVY)
    y = s.table(36, y + 6, [44, 286, 70, 70, 70], TRANSACTIONS, size=8.3)
    y = s.para(36, y + 14, 540, FOOTNOTE, "sans", 7.6, 9.5, GRAY)
    s.draw(RECEIVED, dy=y)
