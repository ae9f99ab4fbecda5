"""The built-in metric families (ROUGE, embedding, facts), registered through
`harness.metrics` exactly as an outside package registers its own."""
