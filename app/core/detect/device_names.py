"""The names of medical equipment and its software that an image's overlay or a screen prints
beside a patient's record number: makers, product lines and models of ultrasound, CT, MR, X-ray,
mammography, endoscopy, ECG and monitoring equipment, and of PACS viewers and record systems.

No name list holds these words, and neither does a dictionary: a line of two of them ("WISONIC
NAVIS", "ESAOTE MYLAB") is shaped like a name no census list holds ("ADAEZE OBIORA"). They are
asked only there (line_names: a line beside a patient's record number whose words no list holds),
so a model that is also a first name ("Vida", "Juniper") costs nothing elsewhere. The makers and
models that overlay_words (`MAKER_WORDS`) and ward_context (`DEVICE_WORDS`) list are not repeated.
"""

from __future__ import annotations

from app.core.detect.overlay_words import MAKER_WORDS
from app.core.detect.ward_context import DEVICE_WORDS

# makers (several are shortened as overlays print them: "UIH", "BK")
_MAKERS = """
aloka alpinion ambu aohua arthrex bionet biocare bk brainlab cardioline chison comen conmed
contec dentsply draeger dräger edan elekta fukuda denshi hellige huger kodak leica lorad maquet
marquette masimo medison midmark neurologica neusoft nidek nellcor optos orthoscan planmeca
planmed quinton shimadzu siui sirona sonoscape sonostar sectra terason topcon uih varian vatech
vathin wisonic zeiss ziehm zonare getinge karl wolf mediso
"""
# product lines and models
_MODELS = """
resona arietta prosound noblus viamo acclarix navis mylab magnifico versana venue invenia
senographe pristina definium brivo vue xeleris vereos ingenuity incisive iqon azurion
digitaldiagnost mobilediagnost combidiagnost multiva prodiva elition skyra prisma vida sola
altea aera avanto espree verio biograph symbia ysio luminos mammomat multix mobilett cios
juniper redwood orian galan alphenix infinix celeve radrex astelion ultimax cxdi soleus persona
lisendo scenaria supria echelon oasis amulet innovality sophinity umr uct udr consona nuewa
beneheart eluxeo lasereo sharpsight visera excera eli cardiofax cardiax cardiosoft muse atria
cardiotouch cardiosmart intellispace isite centricity visage impax osirix horos radiant weasis
ohif teamplay syngo cerner meditech allscripts trakcare emis systmone powerchart hyperspace
vitrea drx aeros evolution minisono sparq cx50 hd15 inspire lumina sonata ultrasonix flex focus
edge
"""
MAKERS = frozenset(_MAKERS.split())
DEVICE_NAMES = MAKERS | frozenset(_MODELS.split()) | MAKER_WORDS \
    | DEVICE_WORDS


def is_device_word(word: str) -> bool:
    """A maker's, a product line's or a model's word, in any case."""
    return word.lower() in DEVICE_NAMES


def is_maker_word(word: str) -> bool:
    """An equipment maker's word, in any case ("Draeger", "Planmeca"), also where it is a
    surname too."""
    return word.lower() in MAKERS or word.lower() in MAKER_WORDS
