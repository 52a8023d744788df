#!/usr/bin/env bash
# How the workbooks of this folder were made (see README.md). Needs LibreOffice Calc
# (apt-get install libreoffice-calc) and the project's venv with openpyxl. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
cp reponses-mexique.fods "$work/"
(
    cd "$work"
    soffice --headless --calc --convert-to xlsx reponses-mexique.fods
    soffice --headless --calc --convert-to ods reponses-mexique.fods
    soffice --headless --calc --convert-to "xls:MS Excel 97" reponses-mexique.fods
    # Excel's "Unicode text": tab (9), quote (34), UTF-16 (65535), from row 1, sheet 2.
    soffice --headless --convert-to \
        'txt:Text - txt - csv (StarCalc):9,34,65535,1,,0,false,true,false,false,false,2' \
        reponses-mexique.fods
)
cp "$work"/reponses-mexique.{xlsx,ods,xls} .
cp "$work/reponses-mexique-Réponses.txt" reponses-mexique-unicode.txt
../../../.venv/bin/python - "$work" <<'PY'
import datetime as dt
import sys

import openpyxl

from smomtrack.interchange.xlsx_writer import questionnaire

work = sys.argv[1]
questionnaire(f"{work}/questionnaire-fr.xlsx", states=["Mexique", "Maroc"], lang="fr",
              as_of="2024-06-30")
book = openpyxl.load_workbook(f"{work}/questionnaire-fr.xlsx")
sheet = book["Réponses"]
column = {cell.value: cell.column for cell in sheet[1]}
rows = {(sheet.cell(r, 1).value, sheet.cell(r, 2).value): r for r in range(2, sheet.max_row + 1)}
answers = {
    ("Maroc", "SOM7-1"): {"Statut": "Mise en œuvre",
                          "Mesures": "Centres d'accueil ouverts à Nador et Oujda",
                          "Responsable": "Ministère de l'intérieur"},
    ("Maroc", "SOM7-4"): {"Statut": "En cours",
                          "Mesures": "Campagne nationale de sensibilisation\n(radio, réseaux sociaux)",
                          "Preuves": "https://example.org/campagne"},
    ("Mexique", "SOM7-8"): {"Statut": "Prévue", "Échéance": dt.datetime(2025, 6, 30),
                            "Observations": "Étude confiée à l'université"},
    ("Mexique", "SOM7-18"): {"Statut": "Partiellement mise en œuvre"},
}
for key, values in answers.items():
    for header, value in values.items():
        sheet.cell(rows[key], column[header]).value = value
book.save(f"{work}/questionnaire-fr-filled.xlsx")
PY
mkdir -p "$work/out"
soffice --headless --calc --convert-to xlsx --outdir "$work/out" "$work/questionnaire-fr-filled.xlsx"
cp "$work/out/questionnaire-fr-filled.xlsx" questionnaire-fr-rempli.xlsx
