import { PartnerPane } from '../ui/pane/PartnerPane';
import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({ pickHost: pickTeamsHost, demoKinds: ['meeting'], render: (services) => <PartnerPane services={services} /> });
