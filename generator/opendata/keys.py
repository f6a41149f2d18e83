"""The open data JSON in one language: each catalogue field's Latvian key (D142).

The catalogue's YAML and models name most fields in English; the open data speak Latvian, as the CSV columns and
LASIMANI.txt do. Only field names are translated – codes (``market``, ``parent``) stay as the catalogue writes them
(LASIMANI.txt explains them), and keys that are data (an age group "15-17", a municipality id) stay as they are.
A field without a key here stops the export (tests/opendata), so a new field cannot reach the files in English.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

KEYS: dict[str, str] = {
    # identifiers and names
    "id": "id",
    "name_lv": "nosaukums",
    "name": "nosaukums",  # an appeal body's name (nominative), its case forms beside it
    "name_en": "nosaukums_en",
    "short_name_lv": "isais_nosaukums",
    "search_terms_lv": "meklesanas_vardi",
    "number": "numurs",
    "note": "piezime",
    "source": "avots",
    "status": "statuss",
    # dated values
    "values": "vertibas",
    "value": "vertiba",
    "effective_from": "speka_no",
    "effective_from_status": "speka_no_statuss",
    "kind": "veids",
    "amount": "summa",
    "min": "min",
    "max": "max",
    "unit": "mervieniba",
    "date": "datums",
    "from": "no",
    "until": "lidz",
    # services and prices
    "area": "joma",
    "service_number": "pakalpojuma_numurs",
    "service": "pakalpojums",
    "recipient": "sanemejs",
    "form": "forma",
    "impairments": "traucejumi",
    "regime": "cenu_rezims",
    "transport": "transports",
    "payee": "maksajuma_sanemejs",
    "matricas_kodi": "matricas_kodi",  # derived: the item codes of the matrix and calculator (audit40 F11)
    "day_service": "dienas_pakalpojums",
    "includes_sessions_of": "ietver_nodarbibas_no",
    "incompatible_with": "nesavietojams_ar",
    "description": "apraksts",
    "applies_to": "attiecas_uz",  # a price parameter's items: forms (formas) and price regimes (cenu_rezimi)
    "regimes": "cenu_rezimi",
    # municipalities
    "municipalities": "pasvaldibas",
    "municipality": "pasvaldiba",
    "region": "planosanas_regions",
    "social_service": "socialais_dienests",
    "social_service_forms": "sociala_dienesta_nosaukuma_formas",
    "name_forms": "nosaukuma_formas",
    "address": "adrese",
    "requisites": "rekviziti",
    "registration_number": "registracijas_numurs",
    "phone": "talrunis",
    "email": "e_pasts",
    "data_protection": "datu_aizsardziba",
    "officer_email": "specialista_e_pasts",
    "privacy_notice": "privatuma_pazinojums",
    "appeal_body": "apstridesanas_iestade",
    "pilots": "izmeginajumprojekti",
    "nosaukums_statuss": "nosaukums_statuss",  # derived: the pilot-time name's status and days (audit40 F4)
    "nosaukums_speka_no": "nosaukums_speka_no",
    "nosaukums_speka_lidz": "nosaukums_speka_lidz",
    "socialais_dienests_statuss": "socialais_dienests_statuss",
    "nominative": "nominativs",
    "genitive": "genitivs",
    "dative": "dativs",
    "accusative": "akuzativs",
    "locative": "lokativs",
    "gender": "dzimte",
    # programme parameters
    "base_amount": "bazes_apmers",
    "rate_full": "pilna_likme",
    "rate_reduced": "samazinata_likme",
    "full_rate_max_age": "pilnas_likmes_vecums_lidz",
    "eligibility_age_limit": "vecuma_robeza",
    "indirect_cost_rate": "netieso_izmaksu_likme",
    "transport_share_max": "transporta_dala_max",
    "parent_weight": "vecaka_svars",
    "expert_weight": "eksperta_svars",
    "redistribution_key": "parsadales_atslega",
    "selection_quotas": "atlases_kvotas",
    "impairment_share": "traucejumu_dalas",
    "per_age_group": "pa_vecuma_grupam",
    "per_municipality": "pa_pasvaldibam",
    "social_worker_children": "berni_socialajam_darbiniekam",
    "contract_term_months": "liguma_termins_menesos",
    "first_period_months": "pirma_perioda_menesi",
    "period_months_max": "perioda_menesi_max",
    "monthly_report_day": "menesa_parskata_diena",
    "quarterly_report_day": "ceturksna_parskata_diena",
    "decision_working_days": "lemuma_darba_dienas",
    "application_forward_working_days": "iesniegumu_parsutisanas_darba_dienas",
    "input_amount_max": "ievadita_summa_max",
    "unit_price_max": "sniedzeja_cena_max",
    "plausible_price_reize": "ticama_cena_reize",
    "plausible_price_stunda": "ticama_cena_stunda",
    "plausible_price_darba_diena": "ticama_cena_darba_diena",
    "plausible_price_diennakts": "ticama_cena_diennakts",
    "plausible_price_kurss": "ticama_cena_kurss",
    # rounds
    "programme": "programma",
    "start": "sakums",
    "end": "beigas",
    "services_start": "pakalpojumu_sakums",
    "services_end": "pakalpojumu_beigas",
    "reporting_period_months": "parskata_perioda_menesi",
    "envelope": "finansejums",
    "participants": "dalibnieki",
    "project": "projekts",
    "application_deadline": "iesniegsanas_termins",
    "selection": "atlase",
    "criterion_met": "kriterijs_izpildits",
    "criterion_unmet": "kriterijs_neizpildits",
    "tie_break": "vienadu_iesniegumu_seciba",
    "ministry_selection": "ministrijas_atlase",
    "group_price_basis": "grupu_cenas_pamats",
    "procedures": "proceduras",
    "ministry_team": "ministrijas_projekta_komanda",
    "registration_to_minute": "registracija_lidz_minutei",
    "methodology_rules": "metodikas_noteikumi",
    "esf_questionnaire": "esf_anketa",
    "ftp_server": "ftp_serveris",
    "forward_working_days": "parsutisanas_darba_dienas",
    "transport_share": "transporta_dala",
    "reserve_list": "rezerves_saraksts",
    "advance_payment": "avanss",
    "child_reallocation": "bernu_pardale",
    "parskata_periodi": "parskata_periodi",
    "nr": "nr",
    "sakums": "sakums",
    "beigas": "beigas",
    # legal acts
    "acts": "tiesibu_akti",
    "adopted": "pienemts",
    "valid_from": "speka_no",
    "valid_to": "speka_lidz",
    "known_in_force": "zinams_speka",
    "cited_for": "ko_nosaka",
    "forms": "formas",
    "norms": "normas",
    "pants": "pants",
    "pants_index": "panta_indekss",
    "dala": "dala",
    "punkts": "punkts",
    "apakspunkts": "apakspunkts",
    # service descriptions (already Latvian in the catalogue)
    "apjoms": "apjoms",
    "atsauces": "atsauces",
    "avots": "avots",
    "definicija_merkis": "definicija_merkis",
    "kriteriji": "kriteriji",
    "merka_grupa": "merka_grupa",
    "normativie_akti": "normativie_akti",
    "prasibas_sniedzejiem": "prasibas_sniedzejiem",
    "rezultati": "rezultati",
    "saturs": "saturs",
    "sniegsanas_laiks": "sniegsanas_laiks",
    "specialisti": "specialisti",
    "teksts": "teksts",
    "tiesibas_pienakumi": "tiesibas_pienakumi",
}


class UntranslatedField(ValueError):  # not KeyError: its str() would quote the message
    """A catalogue field that has no Latvian key for the open data yet."""


def key(name: str) -> str:
    try:
        return KEYS[name]
    except KeyError:
        raise UntranslatedField(f"atvērto datu laukam „{name}” nav latviska nosaukuma (generator/opendata/keys.py)") \
            from None


def latvian(model: BaseModel, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """``model`` as the JSON's plain data with Latvian field keys; ``extra`` adds derived fields (English names
    too, translated the same way). Keys of plain dictionaries inside (data, not fields) are kept."""
    dumped = model.model_dump(mode="python", by_alias=True)
    fields = {(info.alias or name): name for name, info in type(model).model_fields.items()}
    result: dict[str, Any] = {}
    for name, value in {**dumped, **(extra or {})}.items():
        own = getattr(model, fields[name]) if name in fields and (extra is None or name not in extra) else value
        result[key(name)] = _value(own, value)
    return result


def _value(own: Any, dumped: Any) -> Any:
    if isinstance(own, BaseModel):
        return latvian(own)
    if isinstance(own, (list, tuple)) and isinstance(dumped, list):
        return [_value(o, d) for o, d in zip(own, dumped, strict=True)]
    if isinstance(own, dict) and isinstance(dumped, dict):
        return {k: _value(own.get(k), v) for k, v in dumped.items()}
    return dumped
