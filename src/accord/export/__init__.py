"""Exports of accord's events into other formats (GDELT 2.0-style TSV with CAMEO codes)."""

from accord.export.cameo import CameoCode, CameoMapping, MappingError, load_cameo, parse_cameo
from accord.export.gdelt import COLUMNS, gdelt_rows, global_event_id, header, tsv_lines

__all__ = [
    "COLUMNS", "CameoCode", "CameoMapping", "MappingError", "gdelt_rows", "global_event_id", "header",
    "load_cameo", "parse_cameo", "tsv_lines",
]
