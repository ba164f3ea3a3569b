// class: include
// source: original (SnakeYAML global tags through table)
// expect: write
def rows = table('_rows.yaml')
vmwareSite("leak-${rows}") { network 'VM Network' }
// ---- _rows.yaml
- name: !!java.io.FileOutputStream ["@CANARY_WRITE@"]
