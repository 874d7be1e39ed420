/**
 * The console's whole stylesheet, served as one static file so the pages'
 * Content-Security-Policy can forbid inline styles and scripts. Mobile first
 * (390 px phones), widening to two columns on a desktop; outcome colours
 * always come with text, never alone.
 */
export const CONSOLE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#f5f6f8}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,.table-wrap:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:2}
header.top{background:#0b3d91;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header.top a{color:#fff}
.brand{font-weight:700;font-size:1.05rem;text-decoration:none}
.who{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.9rem}
.who button{background:transparent;color:#fff;border:1px solid #fff;min-height:36px}
nav.main{background:#fff;border-bottom:1px solid #d0d4da;padding:0 1rem}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 1.25rem}
nav.main a{display:inline-block;padding:.6rem 0;text-decoration:none}
nav.main a[aria-current="page"]{font-weight:700;border-bottom:3px solid #0b57d0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
section.card,aside.card{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:1rem;margin:0 0 1rem}
.card>h2:first-child{margin-top:0}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;min-width:36rem;background:#fff;font-size:.95rem}
th,td{border:1px solid #d0d4da;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600;white-space:nowrap}
td code{white-space:nowrap}
td ul{margin:0;padding-left:1.1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:#4a4a4a}
dl.facts dd{margin:0;overflow-wrap:anywhere}
code,pre,textarea.code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;font-size:.9rem}
pre{background:#f0f2f5;padding:.75rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
fieldset{border:1px solid #d0d4da;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}
legend{font-weight:600;padding:0 .25rem}
fieldset label{display:inline-flex;align-items:center;gap:.25rem;font-weight:400;margin:.25rem 1rem .25rem 0}
input[type=text],input[type=password],select,textarea{width:100%;max-width:40rem;padding:.5rem;border:1px solid #8a9099;border-radius:4px;font:inherit;background:#fff}
textarea.code{max-width:none;min-height:28rem;line-height:1.45}
button{font:inherit;min-height:44px;padding:.4rem 1rem;border-radius:4px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#a4161a;border-color:#a4161a}
td form{margin:0}
td button{min-height:36px;padding:.15rem .75rem;font-size:.9rem}
td button.danger{background:#fff;color:#a4161a}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
.hint{color:#4a4a4a;font-size:.9rem;margin:.25rem 0}
.notice{border-left:4px solid #0a6b2c;background:#e6f4ea;padding:.75rem 1rem;margin:0 0 1rem}
.alert{border-left:4px solid #a4161a;background:#fde8e8;padding:.75rem 1rem;margin:0 0 1rem}
.alert ul{margin:.25rem 0 0;padding-left:1.2rem}
.alert>h2:first-child{margin-top:0}
.warning{border:2px solid #b45309;background:#fff7e6;padding:.75rem 1rem;margin:0 0 1rem}
.secret{display:block;background:#fff;border:1px dashed #b45309;padding:.5rem;overflow-wrap:anywhere;user-select:all}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;font-size:.9rem;white-space:nowrap}
.pass{background:#e6f4ea;color:#0a6b2c}
.fail{background:#fde8e8;color:#a4161a}
.na{background:#eceff1;color:#3d4349}
.pending{background:#fff7e6;color:#8a4b00}
.stars{color:#b45309;letter-spacing:.05em}
.inline-search .actions{margin:.25rem 0 .5rem}
.inline-search input[type=text]{flex:1 1 16rem;width:auto}
.inline-search .actions label{display:inline-flex;align-items:center;gap:.25rem;font-weight:400;margin:0}
.filters{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.filters a[aria-current="page"]{font-weight:700}
input[type=month],input[type=number]{padding:.4rem .5rem;border:1px solid #8a9099;border-radius:4px;font:inherit;background:#fff}
input[type=number]{width:7rem}
textarea.csv{min-height:12rem}
.headline{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;margin:0 0 1rem}
.headline>div{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:.75rem 1rem}
.headline dt{color:#4a4a4a;font-size:.9rem}
.headline dd{margin:.25rem 0 0;font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}
figure.chart{margin:0 0 1rem}
figure.chart figcaption{font-weight:600;margin:.5rem 0}
.chart-svg svg{display:block;width:100%;max-width:40rem;height:auto}
.chart-svg text{font-family:inherit}
.chart-data table{min-width:0}
.chart-data .table-wrap{margin-top:0}
.suppressed{color:#8a4b00;white-space:nowrap;text-decoration:underline dotted;cursor:help}
.flagged{color:#a00000;white-space:nowrap;text-decoration:underline dotted;cursor:help}
td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
table.ranking tbody th{background:#fff;font-weight:600}
th a{color:inherit}
th[aria-sort] a{color:#0b57d0}
ol.inline-list{margin:0;padding:0;list-style:none;counter-reset:place}
ol.inline-list li{display:inline;counter-increment:place}
ol.inline-list li::before{content:counter(place) ". ";color:#4a4a4a}
ol.inline-list li+li{margin-left:.6rem}
ul.quadrants,ul.notes,ul.page-links{padding-left:1.2rem;margin:.25rem 0 .75rem}
.finding{margin:.5rem 0}
.download{font-weight:600}
.report-section{margin:0 0 1.5rem}
.report-section>h2{border-bottom:2px solid #0b3d91;padding-bottom:.25rem}
@media (min-width:60rem){
  .with-guide{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:start}
  .chart-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
  h1{font-size:1.6rem}
}
/* Printing (the analyst's report above all): A4, no navigation or forms, tables whole, charts never split. */
@media print{
  @page{size:A4;margin:15mm 12mm}
  body{background:#fff;color:#000;font-size:10.5pt}
  header.top,nav.main,.skip,.no-print,form{display:none !important}
  main{max-width:none;padding:0}
  section.card{border:none;padding:0;margin:0 0 1rem}
  .table-wrap{overflow:visible}
  table{min-width:0;font-size:9pt}
  thead{display:table-header-group}
  tr,figure.chart{break-inside:avoid}
  h1,h2,h3,figcaption{break-after:avoid}
  .chart-body{display:block}
  .chart-svg svg{max-width:16cm}
  a{color:inherit;text-decoration:none}
}
`
