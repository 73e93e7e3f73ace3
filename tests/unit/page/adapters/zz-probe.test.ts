import { it } from 'vitest';
it('probe', () => {
  const s = new CSSStyleSheet();
  s.replaceSync('@import url(https://x.invalid/a.css);ul.lst-kix_a-0{list-style-type:none}.lst-kix_a-0>li:before{content:"\\0025cf   "}.c1,.c2{color:#fff;font-size:1pt;background:#ff0}h1{font:2pt Arial}.c3{color:white;opacity:0;background-color:rgba(0,0,0,0.5)}.c4{color:#FEFEFE;font-size:1.5pt;visibility:hidden;display:none}.c5{color:hsl(0,0%,100%)} @media print{.c6{color:red}} .c7{color:transparent;font-size:0}');
  for (const r of Array.from(s.cssRules)) {
    const st = (r as CSSStyleRule).style;
    console.log(r.constructor.name, JSON.stringify((r as CSSStyleRule).selectorText), st && ['color','background-color','font-size','opacity','display','visibility'].map((p) => `${p}=${st.getPropertyValue(p)}`).join(' '));
  }
});
