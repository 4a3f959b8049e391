import { Overview } from '../ui/overview/Overview';
import { pickTeamsHost } from './pickTeamsHost';
import { startSurface } from './startSurface';

void startSurface({ pickHost: pickTeamsHost, demoKinds: [], render: (services) => <Overview services={services} /> });
