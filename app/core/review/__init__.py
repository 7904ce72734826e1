"""The reviewer's part. In: an AnalysisResult. Out: the decisions and checklist answers, saved
as they are made (`decisions`), the reviewer's "this is me" (`presenter`), and the review PDF
(`report`, with its "Redacted copy" section in `report_redacted`)."""
