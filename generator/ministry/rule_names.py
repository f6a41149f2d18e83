"""Short Latvian names of the reference's rule codes, for the summary's sheet „Noteikumu kļūdas” (audit24 F18).

The sheet shows the name to the reader and keeps the English code in a narrow column of its own, so that the
ministry can still search for a code. Every code the reference can emit has a name here: a test reads the
reference's sources and fails on a code without one.
"""

from __future__ import annotations

from generator.lvformat import eur
from generator.reference.rules import ONE_EURO

RULE_NAMES = {
    # period and prices (reference/workbook.py)
    "outside_reporting_period": "Plāna sākums nav pārskata periodā",
    "past_reporting_period": "Plāns beidzas pēc pārskata perioda",
    "prices_not_in_force": "Cenas plāna periodā nav spēkā",
    "not_eligible": "Bērns nav tiesīgs saņemt IB",
    "final_above_needed": "Galīgais apmērs F lielāks par N",
    "source_above_needed": "Cits avots lielāks par N",
    "base_differs": "B ir 0, cits vai neapstiprinātais",
    # the matrix's inputs (reference/inputs.py)
    "municipality_not_listed": "Pašvaldība nav no saraksta",
    "municipality_not_in_round": "Pašvaldība nav plāna kārtā",
    "required_field": "Nav aizpildīts obligāts lauks",
    "money_cents": "Summa nav veselos centos",
    "money_above_max": "Cena lielāka par ticamo",  # D340
    "paid_above_max": "Maksājums lielāks par ticamo",  # D365
    "delivered_above_max": "Saņemto vienību vairāk par ticamo",  # D365
    "units_above_max": "Daudzums periodā lielāks par ticamo",  # D377
    "planned_above_max": "Plānoto vienību vairāk par ticamo",  # D377
    "whole_units": "Vienību skaits nav vesels",
    "date_serial": "Skaitlis izskatās pēc datuma",
    # the plan's rules (reference/rules.py)
    "too_many_lines": "Vairāk rindu, nekā ir matricā",
    "transport_share": "Transporta daļa pārsniedz robežu",
    "incompatible": "Nesavienojami pakalpojumi",
    "day_care_sessions": "Dienas aprūpe jau ietver nodarbības",
    "no_provider_price": "Nav sniedzēja cenas (cena 0,00)",  # D364
    "price_implausible": "Neticami augsta cena",  # D370
    "ceiling_unconfirmed": "Cenas griesti nav apstiprināti",
    "day_services": "Par daudz dienas pakalpojumu dienu",
    "price_above_ceiling": "Cena pārsniedz griestus",
    # the unit's own price as the reference's message writes it ("1,00 EUR"), not a figure typed here (review5 F9)
    "actual_cost_price": f"Faktisko izmaksu cena nav {eur(ONE_EURO)}",
    "monthly_units": "Mēnešu vienības nesakrīt ar plānu",
    "outside_period": "Mēnešu dati pēc plāna perioda",
    "delivered_above_plan": "Saņemts vairāk, nekā plānots",
    "paid_above_delivered": "Samaksāts vairāk, nekā saņemts",
    "impairment": "Pakalpojums citam traucējumu veidam",
    "recipient": "Pakalpojums citam saņēmējam",
    "ignored_line_data": "Mēnešu dati rindā bez pakalpojuma",
    "units_above_period": "Daudzums pārsniedz plāna periodu",
    "units_above_month": "Daudzums mēnesī pārsniedz mēneša dienas",
    "line_above_provisional": "Rindas summa viena pati pārsniedz P",
}


def rule_name(code: str) -> str:
    """The rule's Latvian name; a code without one (a newer reference) is shown as it is, never dropped."""
    return RULE_NAMES.get(code, code)
