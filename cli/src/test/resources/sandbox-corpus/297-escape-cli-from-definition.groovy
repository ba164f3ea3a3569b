// class: script-escape
// source: original (calls the host CLI from inside a definition)
// expect: escape
def o = new StringWriter()
siteplan.cli.Siteplan.run(['validate', '@CANARY_DIR@'] as String[], new PrintWriter(o), new PrintWriter(o), [:])
