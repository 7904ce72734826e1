"""An overlay to draw (bench.overlays.Overlay) given as a test writes one, and the colours the
overlay tests draw in: shared by test_unlisted_names and test_name_shapes."""

from bench.overlays import Overlay

WHITE, GREEN, CYAN = (255, 255, 255), (0, 255, 0), (255, 230, 0)


def overlay(category, lines, name=None, font="pil-default", size=22, colour=WHITE, corner="tl",
            light=False):
    return Overlay(category, lines, name, font, size, corner, colour, light)
