// Once per app: types every bk- element in TSX (its properties and its onbk-… event props).
import type {} from '@billkit/elements/react';
