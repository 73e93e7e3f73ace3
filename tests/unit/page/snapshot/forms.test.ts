import { describe, expect, it } from 'vitest';
import { personalKind, normaliseWords } from '@/lib/page/snapshot/personal';
import { snapshot } from './helpers';

const clues = (over: Partial<Parameters<typeof personalKind>[0]>) => personalKind({ tag: 'input', type: 'text', name: '', id: '', label: '', autocomplete: '', ...over });

describe('personal kinds', () => {
  it('from the type and autocomplete tokens', () => {
    expect(clues({ type: 'email' })).toBe('email');
    expect(clues({ type: 'tel' })).toBe('phone');
    expect(clues({ autocomplete: 'given-name' })).toBe('name');
    expect(clues({ autocomplete: 'section-billing family-name' })).toBe('name');
    expect(clues({ autocomplete: 'shipping street-address' })).toBe('address');
    expect(clues({ autocomplete: 'postal-code' })).toBe('address');
    expect(clues({ autocomplete: 'bday' })).toBe('birthdate');
    expect(clues({ autocomplete: 'tel-national' })).toBe('phone');
    expect(clues({ autocomplete: 'username' })).toBe('other-identifier');
  });

  it('from French and English words of the name, id or label', () => {
    expect(clues({ name: 'nom' })).toBe('name');
    expect(clues({ label: 'Prénom *' })).toBe('name');
    expect(clues({ name: 'lastName' })).toBe('name');
    expect(clues({ name: 'your-name' })).toBe('name');
    expect(clues({ label: 'Adresse e-mail' })).toBe('email');
    expect(clues({ label: 'Courriel' })).toBe('email');
    expect(clues({ id: 'telephone' })).toBe('phone');
    expect(clues({ label: 'Téléphone portable' })).toBe('phone');
    expect(clues({ label: 'Adresse postale' })).toBe('address');
    expect(clues({ label: 'Code postal' })).toBe('address');
    expect(clues({ label: 'Date de naissance', type: 'date' })).toBe('birthdate');
    expect(clues({ label: "Nom d'utilisateur" })).toBe('other-identifier');
  });

  it('not personal: search, message, organisation names, « nombre »', () => {
    expect(clues({ type: 'search', name: 'nom' })).toBeNull();
    expect(clues({ tag: 'textarea', type: 'textarea', name: 'message', label: 'Votre message' })).toBeNull();
    expect(clues({ label: "Nom de l'entreprise" })).toBeNull();
    expect(clues({ label: 'Nombre de bougies' })).toBeNull();
    expect(clues({ type: 'checkbox', name: 'email-optin' })).toBeNull();
  });

  it('normalises words', () => {
    expect(normaliseWords('firstName_Prénom2')).toBe('first name prenom 2');
  });
});

describe('forms', () => {
  const html = `<body>
    <p id="before">Vos données servent à vous répondre. Voir notre politique de confidentialité.</p>
    <form action="/contact/envoyer" method="POST" id="contact">
      <label for="nom">Nom</label><input id="nom" name="nom" required>
      <label>Adresse e-mail <input type="email" name="courriel" autocomplete="email"></label>
      <span id="tel-label">Téléphone</span><input name="telephone" aria-labelledby="tel-label">
      <input name="ville" aria-label="Ville">
      <input name="phone2" placeholder="Téléphone (facultatif)">
      <label>Pays <select name="pays"><option>France</option><option>Belgique</option></select></label>
      <textarea name="message" placeholder="Votre message"></textarea>
      <input type="hidden" name="token" value="x">
      <label><input type="checkbox" name="newsletter" checked> Recevoir la newsletter</label>
      <label><input type="radio" name="civ" value="m"> M.</label>
      <button>Envoyer</button>
    </form>
    <p id="after">Champs obligatoires marqués d'un astérisque.</p>
    <div class="newsletter"><h2>Newsletter</h2><input type="email" placeholder="Votre e-mail"><button>OK</button></div>
  </body>`;

  it('fields with the label a user sees, placeholder apart, personal kind, checked', () => {
    const [form] = snapshot(html).forms;
    expect(form).toMatchObject({ action: 'https://www.atelier-brume.fr/contact/envoyer', method: 'post', selector: '#contact' });
    expect(form!.fields.map((f) => [f.name, f.type, f.label, f.placeholder, f.personal, f.required, f.checked])).toEqual([
      ['nom', 'text', 'Nom', '', 'name', true, false],
      ['courriel', 'email', 'Adresse e-mail', '', 'email', false, false],
      ['telephone', 'text', 'Téléphone', '', 'phone', false, false],
      ['ville', 'text', 'Ville', '', 'address', false, false],
      ['phone2', 'text', '', 'Téléphone (facultatif)', 'phone', false, false],
      ['pays', 'select', 'Pays', '', null, false, false],
      ['message', 'textarea', '', 'Votre message', null, false, false],
      ['newsletter', 'checkbox', 'Recevoir la newsletter', '', null, false, true],
      ['civ', 'radio', 'M.', '', null, false, false],
    ]);
    expect(form!.fields[1]!.autocomplete).toBe('email');
  });

  it('surrounding text: the notice before, the form, the line after', () => {
    const [form] = snapshot(html).forms;
    expect(form!.surroundingText).toContain('Vos données servent à vous répondre');
    expect(form!.surroundingText).toContain('Recevoir la newsletter');
    expect(form!.surroundingText).toContain("Champs obligatoires marqués d'un astérisque.");
    expect(form!.surroundingText.length).toBeLessThanOrEqual(4_000);
  });

  it('fields outside any form are grouped under the nearest box holding a button', () => {
    const s = snapshot(html);
    expect(s.counts.forms).toBe(1);
    expect(s.forms).toHaveLength(2);
    expect(s.forms[1]).toMatchObject({ action: '', method: '', selector: 'body > div' });
    expect(s.forms[1]!.fields).toMatchObject([{ type: 'email', personal: 'email', placeholder: 'Votre e-mail' }]);
    expect(s.forms[1]!.surroundingText).toContain('Newsletter');
  });

  it('a form without action or method', () => {
    const [form] = snapshot('<form><input name="q"></form>').forms;
    expect(form).toMatchObject({ action: '', method: 'get' });
  });
});
