"""From hits to findings. In: identifier spans (app.core.detect) found in a transcript or on a
frame. Out: Findings with time ranges, boxes and reasons (`hits`: one finding per text followed
through the frames, stable ids) and what a masked view shows of them (`masking`)."""
