// class: other
// source: original (host internals seen in EstateScript: Evaluation.current().loader)
// expect: read
def ev = siteplan.dsl.Evaluation.current()
def rows = ev.loader.table(ev, '../outside/secret.csv')
vmwareSite("leak-${rows}") { network 'VM Network' }
