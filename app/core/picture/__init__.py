"""What is seen. In: VideoInfo and the sampled frames. Out: screen, face, code and scene
findings with their boxes. `stage.scan_picture` decodes beside the detectors, fits the camera's
motion (`motion`) and hands each sample to the detectors (`detectors`: text, codes, looks,
faces, one class each, sharing one interface); they use the OCR engines (`ocr`, `ppocr`),
text-line tracking (`text_tracks`, `stacked_lines`), CenterFace and its tracks (`faces`,
`face_tracks`), the code readers (`codes`, `code_findings`) and the looks of monitors and
boards (`scene`, `board_look`)."""
