import { PartnerPane } from '../ui/pane/PartnerPane';
import { pickOutlookHost } from './pickOutlookHost';
import { startSurface } from './startSurface';

void startSurface({ pickHost: pickOutlookHost, demoKinds: ['email', 'meeting'], render: (services) => <PartnerPane services={services} /> });
