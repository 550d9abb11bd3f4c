SELECT {{keys}}{{row}}::text FROM {{table}} t
