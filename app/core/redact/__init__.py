"""The redacted copy. In: an AnalysisResult, the review's decisions and an output path. Out: a
new clip with what was marked hidden, scanned again (`export.redact_clip`). The steps: `plan`
(which findings, how, when) → `camera_path` and `box_tracks` (following the camera and each box
between reads) → `cover` (where to hide in each frame) → `obscure` and `audio` (the hiding) →
`encode` (H.264 + AAC) → `proof` (the copy's scan compared with the original's)."""
