/**
 * The Partners contacts column as other clients leave it: the app writes one contact a line, but SharePoint's own
 * list view takes whatever is typed, so a line may hold several contacts, or a name written "Jansen, P.". The
 * partner (every reader) and the register (detection, both paths) read the same contacts from it.
 */
import { partnerFromItem, partnerToFields, registerPartnerFromItem } from '../../src/data/listFields';
import { registerFormOf } from '../../src/data/partnerLookup';

const item = (contacts: string) => ({ id: '7', fields: { Title: 'Portaal', status: 'active', contacts } });

it('a line with several contacts is read as several; a name with a comma stays whole; one a line stays as it is', () => {
  const typed = 'info@portaal.nl; Balie@Portaal.nl\nJansen, P. <p.jansen@portaal.nl>, wonen@portaal.nl\nHenk van Dijk <h.vandijk@portaal.nl>';
  const partner = partnerFromItem(item(typed));
  expect(partner.contacts).toEqual(['info@portaal.nl', 'balie@portaal.nl', 'p.jansen@portaal.nl', 'wonen@portaal.nl', 'h.vandijk@portaal.nl']);
  expect(partner.contactNames).toEqual({ 'p.jansen@portaal.nl': 'Jansen, P.', 'h.vandijk@portaal.nl': 'Henk van Dijk' });
  // Detection reads the register's form: the same addresses, and what the lookup rows are made from agrees.
  expect(registerPartnerFromItem(item(typed)).contacts).toEqual(partner.contacts);
  expect(registerFormOf(partner).contacts).toEqual(partner.contacts);
  // Written back by the app: one contact a line, read again the same.
  expect(partnerFromItem({ id: '7', fields: partnerToFields(partner, '7') }).contacts).toEqual(partner.contacts);
  expect(partnerFromItem(item('a@portaal.nl\nb@portaal.nl')).contacts).toEqual(['a@portaal.nl', 'b@portaal.nl']);
});
