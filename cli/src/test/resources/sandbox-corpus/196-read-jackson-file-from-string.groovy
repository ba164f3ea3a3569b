// class: file-read
// source: original (Jackson builds File/URL from a JSON string)
// expect: read
def f = siteplan.model.json.ModelJson.JSON.readValue('"@CANARY_READ@"', File)
vmwareSite("leak-${f.text}") { network 'VM Network' }
