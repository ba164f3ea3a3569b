// class: other
// source: original
// expect: run
def s = ['touch', '@MARKER@'] as Serializable
if (s instanceof List) { s.execute().waitFor() }
