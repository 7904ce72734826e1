"""What is said. In: the clip's sound. Out: a Transcript (faster-whisper's words with times,
`transcribe`) and, while it still grows, the spoken findings heard so far (`heard_so_far`)."""
