/**
 * The drawn icons: right sizes, reproducible, a proper Teams outline icon; and the icon checks
 * catch a wrong size, an opaque or coloured outline, and a PNG without alpha.
 */
import { PNG } from 'pngjs';
import { ICON_ASSETS, decodePng, renderIcon, renderIconAssets, samePixels } from '../../scripts/lib/icons';
import { checkIconSize, checkOutlineIcon, checkTeamsPackage } from '../../scripts/lib/manifestValidation';
import { appPackageFiles } from '../../scripts/lib/manifestFiles';
import { DEV_DEPLOYMENT } from '../../src/config/manifests';

jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

describe('drawn icons', () => {
  const icons = renderIconAssets();

  it('come in every size the manifests reference', () => {
    expect([...icons.keys()].sort()).toEqual(
      ['color-192.png', 'icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'outline-32.png'],
    );
    for (const asset of ICON_ASSETS) {
      const image = decodePng(icons.get(asset.file) as Buffer);
      expect([asset.file, image.width, image.height]).toEqual([asset.file, asset.size, asset.size]);
    }
  });

  it('are the same pixels every time', () => {
    for (const asset of ICON_ASSETS) {
      expect(samePixels(renderIcon(asset.kind, asset.size), icons.get(asset.file) as Buffer)).toBe(true);
    }
  });

  it('include an outline icon that is white on transparent and a colour icon that is opaque', () => {
    expect(checkOutlineIcon('outline', icons.get('outline-32.png')).ok).toBe(true);
    const color = decodePng(icons.get('color-192.png') as Buffer);
    let opaque = true;
    for (let i = 3; i < color.data.length; i += 4) opaque &&= color.data[i] === 255;
    expect(opaque).toBe(true);
  });
});

describe('icon checks catch', () => {
  it('a wrong size', () => {
    const result = checkIconSize('colour icon', renderIcon('color', 96), 192, 192);
    expect(result).toMatchObject({ ok: false, detail: 'is 96×96' });
  });

  it('a missing icon and a file that is not a PNG', () => {
    expect(checkIconSize('x', undefined, 32, 32)).toMatchObject({ ok: false, detail: 'missing' });
    expect(checkIconSize('x', Buffer.from('not a png'), 32, 32).ok).toBe(false);
    expect(checkOutlineIcon('x', Buffer.from('not a png')).ok).toBe(false);
  });

  it('an opaque outline icon', () => {
    const result = checkOutlineIcon('outline', renderIcon('color', 32));
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('transparent');
  });

  it('a coloured (not white) outline icon', () => {
    const png = PNG.sync.read(renderIcon('outline', 32));
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3] > 0) png.data[i + 2] = 0;
    const result = checkOutlineIcon('outline', PNG.sync.write(png));
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('not white');
  });

  it('an outline icon saved without an alpha channel', () => {
    const png = PNG.sync.read(renderIcon('outline', 32));
    const result = checkOutlineIcon('outline', PNG.sync.write(png, { colorType: 2 }));
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('no alpha channel');
  });

  it('wrong icons inside an app package', () => {
    const files = appPackageFiles(DEV_DEPLOYMENT, renderIconAssets());
    files.set('color.png', renderIcon('color', 128));
    files.set('outline.png', renderIcon('web', 32));
    const failed = checkTeamsPackage(files, { production: false }).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(['colour icon color.png is 192×192', 'outline icon outline.png is white on transparent']);
  });
});
