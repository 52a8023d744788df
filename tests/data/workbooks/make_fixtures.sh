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

from smomtrack import questionnaire

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

# A French focal point's answers for the how-to (docs/questionnaires.md): Morocco, the 7th
# meeting, a misspelt status (row 3), a recommendation written "4" (row 5); then the same
# questionnaire with recommendation 1 changed (a conflict, then a correction).
../../../.venv/bin/python - "$work" <<'PY'
import sys

import openpyxl

from smomtrack import questionnaire

work = sys.argv[1]
questionnaire(f"{work}/maroc.xlsx", states=["Maroc"], lang="fr", meeting="SOM7",
              as_of="2024-06-30", deadline="2025-03-31",
              contact="Secrétariat du Groupe de travail — adresse@exemple.org")
book = openpyxl.load_workbook(f"{work}/maroc.xlsx")
sheet = book["Réponses"]
sheet["F2"] = "Mise en œuvre"
sheet["I2"] = "Centres d'accueil ouverts à Nador et Oujda"
sheet["F3"] = "Mise en euvre"
sheet["F4"] = "En cours"
sheet["B5"] = "4"
sheet["F5"] = "Prévue"
book.save(f"{work}/questionnaire-maroc-rempli.xlsx")
book = openpyxl.load_workbook(f"{work}/maroc.xlsx")
sheet = book["Réponses"]
sheet["F2"] = "Partiellement mise en œuvre"
sheet["I2"] = "Centres d'accueil ouverts à Nador et Oujda ; un troisième prévu"
book.save(f"{work}/questionnaire-maroc-change.xlsx")
PY
for name in questionnaire-maroc-rempli questionnaire-maroc-change; do
    soffice --headless --calc --convert-to xlsx --outdir "$work/out" "$work/$name.xlsx"
    cp "$work/out/$name.xlsx" .
done
