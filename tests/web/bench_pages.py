"""Server time of the pages at one client: p50 / p95 per page type over a running app.

    .venv/bin/python -m tests.web.bench_pages [BASE_URL] [ROUNDS]   # default :8000, 5 rounds

One client on the same machine sends the requests one after another (a first round warms
the caches and is not counted), so a page's time is the server's plus a loopback round trip.
The issue's floors: fiche p95 <= 50 ms, results p95 <= 60 ms."""

import sys
import time

import httpx

FICHES = (
    "J1506", "M1805", "D1102", "N4101", "K2111", "G1602", "D1505", "F1703", "H2909", "A1203",
    "I1304", "C1102", "E1103", "B1101", "L1503", "J1102", "K1303", "M1607", "N1101", "F1603",
)  # fmt: skip
QUERIES = (
    "infirmier", "boulanger", "développeur web", "aide soignante", "chauffeur poids lourd",
    "comptable", "vendeur", "soudeur", "électricien", "agent d'entretien", "cuisinier",
    "assistante maternelle", "maçon", "serveur", "data analyst", "plombier", "secrétaire",
    "mécanicien auto", "enseignant", "jardinier paysagiste",
)  # fmt: skip
TERRITOIRE = "departement-69"
# Skills profiles (`?c=`) of the journey pages: a supérette, a bakery, a nurse's aide.
PROFILES = (
    "118069,117468,300375,102912,121228",
    "486446,125030,124960,403013",
    "107740,482295,118905",
)
PAGES = {
    "fiche": [f"/metiers/{c}" for c in FICHES],
    "fiche + territoire": [f"/metiers/{c}?territoire={TERRITOIRE}" for c in FICHES],
    "résultats": [f"/recherche?q={q}" for q in QUERIES],
    "résultats + territoire": [f"/recherche?q={q}&territoire={TERRITOIRE}" for q in QUERIES],
    "profil": [f"/profil?c={c}" for c in PROFILES],
    "métiers à ma portée": [f"/profil/metiers?c={c}&territoire={TERRITOIRE}" for c in PROFILES],
}


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ranked = sorted(values)
    return ranked[max(0, min(len(ranked) - 1, round(pct / 100 * len(ranked)) - 1))]


def measure(client: httpx.Client, paths: list[str], rounds: int) -> list[float]:
    """Milliseconds per request over `rounds` passes of the paths, after one warm-up pass."""
    times = []
    for n in range(rounds + 1):
        for path in paths:
            start = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            response.raise_for_status()
            if n:
                times.append(elapsed)
    return times


def main(base: str, rounds: int) -> None:
    """Every page type, one line each."""
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, paths in PAGES.items():
            times = measure(client, paths, rounds)
            p50, p95 = percentile(times, 50), percentile(times, 95)
            print(f"{name:24} n={len(times):4}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")  # noqa: T201


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000",
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
