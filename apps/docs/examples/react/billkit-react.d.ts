// Once per app: types every bk- element in TSX (properties, onbk-… event props).
import type {} from '@billkit/elements/react';
