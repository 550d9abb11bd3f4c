SELECT set_config('schemaplan.statement', {{statement}}, false)
