"""Words printed on medical images and record banners that are never a patient's name, though
some are in the census lists ("RIGHT", "KNEE", "UPRIGHT", "RAO", "PHILIPS").

Taken from the DICOM standard's defined terms (modality, body part examined, view and patient
position, laterality, image type), the makers of imaging, endoscopy and ECG equipment, the labels
of overlays and banners, and the words of a facility's name. `line_names` reads a run of
capitalised words beside a date of birth or a sex marker as a name unless one of these is in it.
"""

from __future__ import annotations

# DICOM modalities and study words
_MODALITY = """
cr dx dr ct mr mri us pt nm xa rf mg ot es ecg ekg eeg emg ivus oct pet spect cbct cta mra mrcp
dexa dxa xr xray x-ray scan scanogram scout topogram localizer localiser survey study series
image images img frame frames slice slices seq sequence echo doppler duplex color colour power
pulsed cw pw mode bmode b-mode m-mode thi harmonic compound contrast plain enhanced
non-contrast noncontrast delayed arterial venous portal phase angio angiogram fluoro
fluoroscopy mammo mammogram tomo tomosynthesis ultrasound sonogram endoscopy endoscope
gastroscopy colonoscopy bronchoscopy cystoscopy laparoscopy arthroscopy ercp eus capsule
electrocardiogram rhythm strip lead leads report interpretation unconfirmed confirmed preliminary
final diagnosis normal abnormal sinus
"""
# body parts (DICOM Body Part Examined, in words), organs and structures
_ANATOMY = """
head brain skull face facial orbit orbits sinus sinuses neck cervical thoracic lumbar sacral
sacrum coccyx spine chest thorax lung lungs heart cardiac aorta abdomen abdominal pelvis pelvic
liver gallbladder pancreas spleen kidney kidneys renal bladder prostate uterus ovary ovaries
thyroid breast axilla shoulder humerus elbow forearm wrist hand finger fingers thumb hip femur
knee tibia fibula leg ankle foot feet toe toes heel calcaneus clavicle scapula rib ribs sternum
mandible jaw teeth dental carotid jugular femoral popliteal iliac portal hepatic stomach
esophagus oesophagus duodenum jejunum ileum colon cecum caecum rectum sigmoid transverse
ascending descending fundus antrum pylorus bulb cardia larynx trachea bronchus carina
extremity extremities upper lower whole body limb joint joints soft tissue tissues vessel
vessels vein veins artery arteries ventricle atrium valve mitral tricuspid aortic pulmonary
lspine cspine tspine lsspine iac iacs tmj orbits sella
"""
# view, position, laterality and orientation
_POSITION = """
ap pa lat lateral oblique obl axial coronal sagittal transverse trans long longitudinal
short axis supine prone erect upright semi semi-upright semierect semi-erect recumbent
decubitus standing sitting portable mobile bedside inspiration expiration frontal
left right lt rt bilateral bilat both cranial caudal cran caud lao rao lpo rpo lao/cran
hfs hfp ffs ffp hfdr hfdl ffdr ffdl anterior posterior superior inferior medial distal
proximal mid midline view views projection flexion extension weight bearing weightbearing
internal external rotation inlet outlet tunnel sunrise skyline mortise swimmers lordotic
"""
# MR sequences and weightings as scanners print them (the makers' sequence names): "T2 TSE",
# "COR STIR", "AX DWI B1000"; not the planes' short forms ("cor", "sag": pieces of names,
# "CORMACALLAN" is no "cor" + "mac" + "allan")
_SEQUENCE = """
fse tse frfse gre spgr stir flair dwi adc swi dti tof epi pdw t1w t2w fatsat haste vibe trufi
mprage fiesta
"""
# makers and models of imaging, endoscopy and ECG equipment
_MAKERS = """
ge healthcare philips siemens healthineers toshiba canon hitachi fujifilm fuji samsung
mindray esaote carestream agfa konica minolta hologic olympus pentax fujinon storz stryker
medtronic zoll schiller mortara nihon kohden welch allyn burdick biotronik biosense webster
boston scientific sonosite butterfly clarius supersonic aixplorer acuson sequoia logiq
voluson vivid epiq affiniti aplio xario vscan lumify somatom magnetom revolution optima
discovery signa ingenia achieva brilliance aquilion vantage lightspeed innova allura axiom
artis pagewriter mac cardiovit elicor evis exera excelera lucera vision
"""
# labels of overlays and banners, and units
_LABELS = """
name patient pt dob born birth sex gender age id mrn acc accession no number hosp nhs
ward bed room bay unit dept department ref referring physician phys dr tech technologist
operator op performed by reader radiologist sonographer study date time exam examination
institution site station kv kvp ma mas ms mm cm hz mhz khz db fps gain depth freq frequency
dr power mi tis tib tic map bpm mmhg speed filter sens sensitivity gain zoom wl ww window
level thk thickness dfov fov matrix pitch rot tilt ctdi dlp dose ecg hr pr qrs qt qtc axis
rate page printed print copy confidential comment comments notes note history indication
clinical findings impression protocol acq acquisition reconstruction recon kernel
mag magnification scale marker markers annotation anonymous anon anonymised anonymized
deidentified de-identified unknown phantom staff male female
"""
# words of a facility's name: a run beside them is the facility, not a person
ENGLISH_FACILITY_WORDS = frozenset("""
hospital hospitals clinic clinics medical medicine health healthcare centre center infirmary
institute university college trust foundation nhs imaging radiology diagnostics diagnostic
memorial general children's childrens women's womens royal county regional community
district st saint mount mt sisters services service group associates practice surgery
department dept hosp univ med ctr mc campus hsc pavilion annex
""".split())
# and as other languages name them ("Ospedale Careggi", "Hopital Lariboisiere"): whole words
# only (a piece of a word is matched against the English ones: "SANA" of a name is no
# "sanatorium" cut short)
FACILITY_WORDS = ENGLISH_FACILITY_WORDS | frozenset("""
hopital hôpital hopitaux ospedale policlinico poliklinik klinikum klinik kliniken klinika
krankenhaus clinique clinica clínica policlinica sanatorio sanatorium sjukhus sykehus sygehus
ziekenhuis szpital nemocnice korhaz kórház bolnica spital spitalul sairaala hospitalet
universitario universitaria universitaire universitätsklinikum centro charite charité
hastanesi
""".split())
# a hospital's name begins so ("Queen Elizabeth", "Princess Royal"); "King" and "Prince" are
# common surnames too ("KING IVAN")
HOSPITAL_ROYALS = frozenset({"queen", "princess"})

MAKER_WORDS = frozenset(_MAKERS.split())
# what the image shows and what made it: never a word of a person's name the model or the lists
# found on an overlay ("Lumbar Spine T2", "Mortara Eli") unless a census name too ("LONG")
IMAGE_WORDS = frozenset(" ".join((_MODALITY, _SEQUENCE, _ANATOMY, _POSITION, _MAKERS)).split())
NOT_A_NAME = frozenset(
    " ".join((_MODALITY, _SEQUENCE, _ANATOMY, _POSITION, _MAKERS, _LABELS)).split()
) | FACILITY_WORDS
