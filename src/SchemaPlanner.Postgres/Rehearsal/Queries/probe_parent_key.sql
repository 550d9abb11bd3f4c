SELECT {{columns}}
