SHIFT = {{shift}}
WORD = "{{word}}"
