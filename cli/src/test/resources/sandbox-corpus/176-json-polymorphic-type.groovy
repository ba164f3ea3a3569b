// class: include
// source: original (Jackson polymorphic typing in a data file)
// expect: read
def nothing = 1
// ---- model.json
{"vmwareSites": [{"name": ["java.io.File", "@CANARY_READ@"], "@class": "java.io.File"}]}
