// class: other
// source: original (host API reached from a definition)
// expect: read
def l = siteplan.dsl.load.DefinitionLoader.load(['@CANARY_DIR@'])
vmwareSite("leak-${l}") { network 'VM Network' }
