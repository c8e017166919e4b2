"""The two SCORM versions a package can be: what differs between them on the Python side, as data.

Everything else (building the site with file links, the one-SCO layout, the launch page, zipping) is
shared; in the browser the same split holds, with the two vocabularies in ``cg-scorm-dialects.js``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Version = Literal["1.2", "2004"]


@dataclass(frozen=True)
class ScormFormat:
    """One SCORM version as a package: its manifest template and the schemas shipped beside the manifest."""

    version: Version
    """What the launch page tells ``cg-scorm.js``, which picks the matching dialect."""
    label: str
    """How messages and the guide name it."""
    slug: str
    """The default zip name's suffix and the build folder's name."""
    manifest_template: str
    schema_folder: str
    """Under ``coursegen/package/xsd``."""
    schemas: tuple[str, ...]
    """The files the manifest's ``xsi:schemaLocation`` names and those they include: the CAM of both versions
    wants them at the package root, beside the manifest."""


SCORM12 = ScormFormat(
    version="1.2",
    label="SCORM 1.2",
    slug="scorm12",
    manifest_template="imsmanifest.xml.j2",
    schema_folder="scorm12",
    schemas=("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"),
)

SCORM2004 = ScormFormat(
    version="2004",
    label="SCORM 2004 4th Edition",
    slug="scorm2004",
    manifest_template="imsmanifest2004.xml.j2",
    schema_folder="scorm2004",
    schemas=(
        "imscp_v1p1.xsd", "xml.xsd", "XMLSchema.dtd", "datatypes.dtd",
        "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd",
        "imsss_v1p0.xsd", "imsss_v1p0auxresource.xsd", "imsss_v1p0control.xsd", "imsss_v1p0delivery.xsd",
        "imsss_v1p0limit.xsd", "imsss_v1p0objective.xsd", "imsss_v1p0random.xsd", "imsss_v1p0rollup.xsd",
        "imsss_v1p0seqrule.xsd", "imsss_v1p0util.xsd",
    ),
)

FORMATS: dict[Version, ScormFormat] = {f.version: f for f in (SCORM12, SCORM2004)}

RESERVED = frozenset(name for f in FORMATS.values() for name in f.schemas)
"""Every schema file name of either version: a docs page may take none of them."""

CMI5_XML = "cmi5.xml"
"""A cmi5 package's course structure (cmi5 section 14.1: ``cmi5.xml`` at the root of the zip)."""
CMI5_LAUNCH_PAGE = "cmi5.html"
"""A cmi5 package's AU launch file: holds the cmi5 session for the whole visit and shows the site in a frame."""
