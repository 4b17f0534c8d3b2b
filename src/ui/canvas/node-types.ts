// Module scope: React Flow compares nodeTypes by identity, so it must never be rebuilt.
import type { NodeTypes } from '@xyflow/react';
import { Area, Heading, Placeholder } from './nodes/Decorations.tsx';
import { DockerContainerCard, DockerImageCard, DockerVolumeCard } from './nodes/DockerCards.tsx';
import { Flyer } from './nodes/Flyer.tsx';
import { NodeGroup } from './nodes/NodeGroup.tsx';
import { ObjectCard } from './nodes/ObjectCard.tsx';
import { ZoneLane } from './nodes/ZoneLane.tsx';

export const nodeTypes = {
  object: ObjectCard,
  k8sNode: NodeGroup,
  zone: ZoneLane,
  area: Area,
  heading: Heading,
  placeholder: Placeholder,
  dockerImage: DockerImageCard,
  dockerContainer: DockerContainerCard,
  dockerVolume: DockerVolumeCard,
  flyer: Flyer,
} satisfies NodeTypes;
