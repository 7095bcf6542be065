// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DetailedJob } from '../../../../contract/jobs';
import { makeDetailedJob } from '../../../test/jobs';
import { CostReview } from './cost-review';

const job = (metadata: DetailedJob['metadata']) =>
  makeDetailedJob({ status: 'VALIDATED', auto_start: false, hyperparameters: { training_steps: 10 }, metadata });

afterEach(cleanup);

describe('cost review', () => {
  const amount = () => screen.getByRole('heading', { name: 'Cost review' }).nextElementSibling!.textContent;

  it('names the currency once', () => {
    render(<CostReview job={job({ cost: 1.64, cost_currency: 'EUR' })} />);
    expect(amount()).toMatch(/^€\s?1\.64$/);
  });

  it('shows a code the browser has no symbol for, once', () => {
    render(<CostReview job={job({ cost: 2, cost_currency: 'XYZ' })} />);
    expect(amount()?.match(/XYZ/g)).toHaveLength(1);
  });

  it('warns before paying for far too many epochs or a far-off learning rate, and not otherwise', () => {
    const many = {
      ...job({ cost: 2, cost_currency: 'EUR' }),
      hyperparameters: { training_steps: 30, epochs: 1489, learning_rate: 1e-2 },
    };
    render(<CostReview job={many} />);
    expect(
      screen.getByText(/30 steps ≈ 1,489 epochs of your data: the model will learn it by heart/),
    ).toBeInTheDocument();
    expect(screen.getByText(/is 100× the default/)).toBeInTheDocument();
    cleanup();
    const fine = {
      ...job({ cost: 2, cost_currency: 'EUR' }),
      hyperparameters: { training_steps: 100, epochs: 4.2, learning_rate: 1e-4 },
    };
    render(<CostReview job={fine} />);
    expect(screen.queryByText(/⚠/)).toBeNull();
  });
});
