// A large, realistic candidate page for the analysis benchmark: a shop's catalogue with
// headings, paragraphs, product cards (images with and without alt, a quantity field outside any
// form), links, a « back in stock » form every fifth collection, a contact form, a table and a
// consent banner — about `target` elements in all, every kind growing with the page (so that a
// collector slower than the page shows). Deterministic (no randomness).
export function largePage(target = 10_000) {
  const parts = [];
  let elements = 0;
  const add = (html, count) => {
    parts.push(html);
    elements += count;
  };
  add('<header><nav><ul>' + Array.from({ length: 8 }, (_, i) => `<li><a href="/rayon-${i}/">Rayon ${i}</a></li>`).join('') + '</ul></nav></header>', 2 + 8 * 2);
  add('<div id="cookie-banner" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:8px">Nous utilisons des cookies pour mesurer l\'audience. <button>Tout accepter</button> <button>Personnaliser</button></div>', 3);
  add('<main><h1>Catalogue</h1>', 2);
  let section = 0;
  while (elements < target - 60) {
    section++;
    let html = `<section><h2>Collection ${section}</h2><p>Des bougies coulées à la main, cire végétale, mèche en coton. Collection numéro ${section}.</p><ul class="products">`;
    let count = 4;
    for (let i = 0; i < 10; i++) {
      const alt = i % 3 === 0 ? '' : ` alt="Bougie ${section}-${i}"`;
      html += `<li class="product"><a href="/produit/${section}-${i}/"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="120" height="120"${alt}><h3>Bougie ${section}-${i}</h3></a><p class="price">${(12 + i).toFixed(2)} €</p>${i % 5 === 0 ? `<input type="number" name="quantite" value="1" aria-label="Quantité">` : ''}<button type="button">Ajouter au panier</button></li>`;
      count += i % 5 === 0 ? 7 : 6;
    }
    html += '</ul>';
    if (section % 5 === 0) {
      html += `<form action="/alerte/"><label for="alerte-${section}">E-mail pour être prévenu du retour en stock</label><input id="alerte-${section}" type="email" name="email"><button>M'alerter</button></form>`;
      count += 4;
    }
    html += '</section>';
    add(html, count);
  }
  add('<form action="/contact/"><label for="email">E-mail</label><input id="email" type="email" name="email"><input type="text" name="telephone" placeholder="Téléphone"><label><input type="checkbox" name="newsletter" checked> Recevoir la newsletter</label><button>Envoyer</button></form>', 8);
  add('<table><caption>Tailles</caption><tr><th>Taille</th><th>Durée</th></tr><tr><td>S</td><td>20 h</td></tr><tr><td>L</td><td>60 h</td></tr></table></main>', 12);
  add('<footer><a href="/mentions-legales/">Mentions légales</a> <a href="/cgv/">CGV</a></footer>', 3);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Catalogue — Atelier de bougies</title><meta name="description" content="Toutes nos bougies artisanales : collections, prix et conseils d'entretien, fabriquées à Lyon."></head><body>${parts.join('')}</body></html>`;
}
