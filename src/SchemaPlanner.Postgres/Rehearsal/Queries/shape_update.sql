UPDATE {{table}} AS t SET {{sets}} WHERE {{key}} RETURNING {{returning}}
