"""The README.txt inside the export zip, in Dutch and English: the zip must explain itself to whoever opens it,
whatever language the site was in when it was made. The Dutch says "u", as the site does."""

from __future__ import annotations

from datetime import datetime

from .export import BINARY_SUFFIX, binary_folder

# Where the export writes each run's track (export._model_rows), so the README names the files it holds.
TRACKS = {"track_folder": binary_folder("data/training/activity") + "/", "track_suffix": BINARY_SUFFIX}

NL = """KNIEWIJS - UW GEGEVENS
======================

Gemaakt op {made} (UTC). Dit zijn alle gegevens die Kniewijs over u bewaart.

Wat zit erin
------------
- account.json / account.csv: uw account (e-mailadres, naam, wanneer u zich aanmeldde).
  Uw wachtwoord staat er niet in, ook niet versleuteld; uw app voor inlogcodes en uw sessies ook niet.
- access-log.json / access-log.csv: wie er bij uw gegevens heeft gekeken, wanneer, voor welke
  praktijk, welk deel, en met welke toestemming. Wat u zelf bekijkt, staat hier niet in.
- data/<onderdeel>/<soort>.json en .csv: per soort gegevens (trainingen, schoenen, dagboek,
  herstelprogramma, vragenlijsten, afspraken, toestemmingen, ...) een JSON- en een CSV-bestand
  met dezelfde inhoud. Ook lege soorten staan erbij, zodat u ziet dat er niets is.
- originals/: de bestanden die u zelf hebt ingelezen (FIT, GPX, TCX, CSV, ...), zoals u ze
  aanleverde. De kolom "stored" in data/training/importedfile noemt het bestand.
- {track_folder}: het verloop van een training (tijd, hartslag, tempo, ...), één bestand
  per training, genaamd <nummer>-track{track_suffix}. Het is een gecomprimeerd NumPy-archief (opent met
  numpy.load in Python). De kolom "track" in data/training/activity noemt het bestand.
- data/privacy/privacyzone: de privacyzones. Die gelden alleen voor wat anderen te zien krijgen;
  in deze export staan de routes volledig, ook waar ze door een zone lopen.

Getallen en tijden
------------------
- Tijden zijn in UTC (ISO 8601). Nederlandse tijd is UTC plus 1 uur (zomer: plus 2 uur).
- Afstanden in meters, tijdsduur in seconden, tenzij de kolomnaam iets anders zegt.
- Een kolom die eindigt op "_id" wijst naar een rij in een ander bestand; de kolom ernaast
  met "_label" geeft de naam (bijvoorbeeld de naam van de praktijk).

Veilig openen in een spreadsheet
--------------------------------
Een cel met tekst die begint met =, +, -, @, een tab of een regelterugloop kan een spreadsheet
als formule uitvoeren. In de CSV-bestanden krijgt zulke tekst daarom een ' (apostrof) vooraan.
Getallen blijven getallen: -3 blijft -3, want een getal is geen formule.
In de JSON-bestanden staat alles precies zoals het is opgeslagen.
"""

EN = """KNIEWIJS - YOUR DATA
====================

Made on {made} (UTC). This is everything Kniewijs keeps about you.

What is inside
--------------
- account.json / account.csv: your account (e-mail address, name, when you signed up).
  Your password is not in it, not even scrambled; nor are your login-code app or sessions.
- access-log.json / access-log.csv: who looked at your data, when, for which clinic, which
  part, and on which permission. What you look at yourself is not listed.
- data/<area>/<kind>.json and .csv: for every kind of data (runs, shoes, daily log, recovery
  programme, questionnaires, appointments, permissions, ...) one JSON and one CSV file with the
  same content. Empty kinds are included too, so you can see there is nothing.
- originals/: the files you imported yourself (FIT, GPX, TCX, CSV, ...), as you supplied them.
  The "stored" column in data/training/importedfile names the file.
- {track_folder}: the course of each run (time, heart rate, pace, ...), one file per run,
  named <number>-track{track_suffix}. It is a compressed NumPy archive (numpy.load in Python opens it).
  The "track" column in data/training/activity names the file.
- data/privacy/privacyzone: the privacy zones. They only apply to what others get to see; this
  export holds the routes in full, also where they pass through a zone.

Numbers and times
-----------------
- Times are in UTC (ISO 8601). Dutch time is UTC plus 1 hour (summer: plus 2 hours).
- Distances in metres, durations in seconds, unless the column name says otherwise.
- A column ending in "_id" points to a row in another file; the "_label" column beside it gives
  its name (for instance the clinic's name).

Opening the files safely in a spreadsheet
-----------------------------------------
A text cell starting with =, +, -, @, a tab or a carriage return may be run as a formula by a
spreadsheet. In the CSV files such text therefore gets a ' (apostrophe) in front.
Numbers stay numbers: -3 stays -3, because a number is not a formula.
The JSON files hold everything exactly as stored.
"""


def readme_text(contents: list[tuple[str, int]], missing: list[str], made: datetime) -> str:
    stamp = made.strftime("%Y-%m-%d %H:%M")
    listing = "\n".join(f"  {base}.json / .csv  ({rows})" for base, rows in contents)
    parts = [
        NL.format(made=stamp, **TRACKS),
        "Bestanden (aantal rijen) / Files (number of rows)",
        "--------------------------------------------------",
        listing,
        "",
    ]
    if missing:
        parts += [
            "Niet gevonden op schijf / Not found on disk:",
            *(f"  {path}" for path in missing),
            "",
        ]
    parts.append(EN.format(made=stamp, **TRACKS))
    return "\n".join(parts)
