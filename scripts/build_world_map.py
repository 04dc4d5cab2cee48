"""Build ``src/dyad/data/geo/countries-110m.json``: each country's outline as an SVG path.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-110m.json

The outlines are Natural Earth's 1:110m admin-0 countries (public domain) as the
world-atlas package (ISC) ships them in TopoJSON; ISO numeric codes become ISO3 ids
through Debian's iso-codes (``/usr/share/iso-codes/json/iso_3166-1.json``). The
projection is plate carrée over latitudes LAT_TOP to LAT_BOTTOM (Antarctica left
out), so the web app draws the map with no projection code and no download.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

WIDTH = 960
LAT_TOP, LAT_BOTTOM = 84.0, -58.0
HEIGHT = round(WIDTH * (LAT_TOP - LAT_BOTTOM) / 360)
OUT = (
    Path(__file__).resolve().parent.parent / "src" / "dyad" / "data" / "geo" / "countries-110m.json"
)
# Natural Earth names with no ISO numeric code, and the id dyad's knowledge base gives them.
BY_NAME = {"Kosovo": "KSV"}


def arcs_of(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in longitude and latitude (they are delta-encoded and quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    return points


def project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon + 180) / 360 * WIDTH
    y = (LAT_TOP - min(max(lat, LAT_BOTTOM), LAT_TOP)) / (LAT_TOP - LAT_BOTTOM) * HEIGHT
    return round(x), round(y)


def unwrapped(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring with no jump across the antimeridian: a step of over 180 degrees of
    longitude is the same step the short way round (Russia's and Fiji's rings cross it)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def path(polygons: list[list[list[int]]], arcs) -> str:
    parts = []
    for polygon in polygons:
        for indexes in polygon:
            points = unwrapped(ring(indexes, arcs))
            lons = [lon for lon, _lat in points]
            # A ring that runs past one edge of the map is drawn again from the other.
            shifts = [0] + ([-360] if max(lons) > 180 else []) + ([360] if min(lons) < -180 else [])
            for shift in shifts:
                projected = [project(lon + shift, lat) for lon, lat in points]
                kept = [p for i, p in enumerate(projected) if i == 0 or p != projected[i - 1]]
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument(
        "--iso", type=Path, default=Path("/usr/share/iso-codes/json/iso_3166-1.json")
    )
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    iso = json.loads(args.iso.read_text(encoding="utf-8"))["3166-1"]
    alpha3 = {int(entry["numeric"]): entry["alpha_3"] for entry in iso}
    arcs = arcs_of(topology)
    countries: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = alpha3.get(int(geometry["id"])) if "id" in geometry else BY_NAME.get(name)
        if code is None or code == "ATA":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries[code] = countries.get(code, "") + path(polygons, arcs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": dict(sorted(countries.items())),
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries → {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
