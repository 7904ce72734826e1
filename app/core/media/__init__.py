"""The clip itself. In: a file path. Out: what it is (`video.probe` → VideoInfo: size, rate,
rotation, sound or not, SHA-256) and its frames (`video.iter_samples`, `iter_frames`,
`iter_frames_at`: BGR, rotation applied, with the container's times), and small grey thumbnails
of them (`frames`). The only stage that decodes video."""
